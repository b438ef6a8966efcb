import NSXCommandLine
import Testing

/// The sample tree's manual, pinned: the program's page and one command's, whole.
struct ManPageSnapshotTests {
    @Test func programPage() {
        #expect(ManPageTests.samplePage == #"""
        .\" Generated from the command tree of nsx; do not edit.
        .TH "NSX" "1" "2025-01-01" "nsx 1.0.0" "User Commands"
        .nh
        .SH NAME
        nsx \- Work with Nurosentrix from the command line
        .SH SYNOPSIS
        \fBnsx\fR [global options] <command> [<subcommand>] [arguments]
        .SH DESCRIPTION
        Work with Nurosentrix from the command line.
        .PP
        Manage servers and API tokens. Options may stand before or after the command
        words.
        .SH COMMANDS
        .TP
        \fBnsx servers list\fR
        List servers.
        See \fBnsx\-servers\-list\fR(1).
        .TP
        \fBnsx servers get\fR
        Show one server.
        See \fBnsx\-servers\-get\fR(1).
        .TP
        \fBnsx servers create\fR
        Create a server.
        See \fBnsx\-servers\-create\fR(1).
        .TP
        \fBnsx servers delete\fR
        Delete servers.
        See \fBnsx\-servers\-delete\fR(1).
        .TP
        \fBnsx tokens create\fR
        Create an API token.
        See \fBnsx\-tokens\-create\fR(1).
        .TP
        \fBnsx tokens show\fR
        Show one token.
        See \fBnsx\-tokens\-show\fR(1).
        .TP
        \fBnsx config\fR
        Read and change settings.
        See \fBnsx\-config\fR(1).
        .TP
        \fBnsx config set\fR
        Change a setting.
        See \fBnsx\-config\-set\fR(1).
        .TP
        \fBnsx api\fR
        Send a request to the API.
        See \fBnsx\-api\fR(1).
        .TP
        \fBnsx completion\fR
        Print a shell completion script.
        See \fBnsx\-completion\fR(1).
        .TP
        \fBnsx help\fR
        Show help for a command.
        See \fBnsx\-help\fR(1).
        .SH OPTIONS
        .TP
        \fB\-h\fR, \fB\-\-help\fR
        Show help for command
        .TP
        \fB\-\-json\fR
        Same as \-o json
        .TP
        \fB\-o\fR, \fB\-\-output\fR \fIformat\fR
        Output format {table|json|yaml} (default "table", env NSX_OUTPUT)
        .TP
        \fB\-\-profile\fR \fIstring\fR
        Stored login to use (default "default", env NSX_PROFILE)
        .TP
        \fB\-q\fR, \fB\-\-quiet\fR
        Print only IDs
        .TP
        \fB\-\-timeout\fR \fIsecs\fR
        Seconds allowed per HTTP attempt (default 30)
        .TP
        \fB\-v\fR, \fB\-\-verbose\fR
        Trace HTTP requests on stderr (env NSX_DEBUG=1)
        .TP
        \fB\-\-version\fR
        Show nsx version
        .TP
        \fB\-y\fR, \fB\-\-yes\fR
        Answer yes to confirmations
        .SH ENVIRONMENT
        .TP
        \fBNSX_OUTPUT\fR
        Same as \-\-output.
        .TP
        \fBNSX_PROFILE\fR
        Same as \-\-profile.
        .TP
        \fBNSX_DEBUG=1\fR
        Same as \-\-verbose.
        .TP
        \fBNSX_TOKEN\fR
        Use this credential; it is never stored.
        .SH FILES
        .TP
        \fB~/.config/nsx/config.json\fR
        Settings; never a secret.
        .SH "EXIT STATUS"
        .TP
        \fB0\fR
        Success.
        .TP
        \fB2\fR
        Usage error.
        .SH EXAMPLES
        List servers as JSON:
        .RS 4
        .nf
        $ nsx servers list \-o json
        .fi
        .RE
        .SH SECURITY
        Secrets live in the keyring.
        .PP
        Never pass one as an argument.
        .SH "SEE ALSO"
        \fBnsx\-servers\fR(1),
        \fBnsx\-tokens\fR(1),
        \fBnsx\-config\fR(1),
        \fBnsx\-api\fR(1),
        \fBnsx\-completion\fR(1),
        \fBnsx\-help\fR(1),
        \fBjq\fR(1)

        """#)
    }

    @Test func commandPage() {
        #expect(ManPageTests.createPage == #"""
        .\" Generated from the command tree of nsx; do not edit.
        .TH "NSX\-SERVERS\-CREATE" "1" "2025-01-01" "nsx 1.0.0" "User Commands"
        .nh
        .SH NAME
        nsx\-servers\-create \- Create a server
        .SH SYNOPSIS
        \fBnsx servers create\fR \-\-name NAME \-\-plan PLAN [flags]
        .SH DESCRIPTION
        Create a server.
        .PP
        The server starts at once unless the plan is sold out.
        .SH OPTIONS
        .TP
        \fB\-\-cpu\-share\fR \fInumber\fR
        Share of a CPU
        .TP
        \fB\-\-name\fR \fIstring\fR
        Name of the new server
        .TP
        \fB\-\-plan\fR \fIstring\fR
        Size of the server {small|medium|large}
        .TP
        \fB\-p\fR, \fB\-\-project\fR \fIstring\fR
        Project to work in
        .TP
        \fB\-\-user\-data\fR \fIfile\fR
        Cloud\-init file (\- for standard input)
        .TP
        \fB\-\-wait\fR
        Wait until the server runs
        .TP
        \fB\-\-wait\-timeout\fR \fIduration\fR
        How long to wait (default 5m)
        .SS "Global options"
        .TP
        \fB\-h\fR, \fB\-\-help\fR
        Show help for command
        .TP
        \fB\-\-json\fR
        Same as \-o json
        .TP
        \fB\-o\fR, \fB\-\-output\fR \fIformat\fR
        Output format {table|json|yaml} (default "table", env NSX_OUTPUT)
        .TP
        \fB\-\-profile\fR \fIstring\fR
        Stored login to use (default "default", env NSX_PROFILE)
        .TP
        \fB\-q\fR, \fB\-\-quiet\fR
        Print only IDs
        .TP
        \fB\-\-timeout\fR \fIsecs\fR
        Seconds allowed per HTTP attempt (default 30)
        .TP
        \fB\-v\fR, \fB\-\-verbose\fR
        Trace HTTP requests on stderr (env NSX_DEBUG=1)
        .TP
        \fB\-y\fR, \fB\-\-yes\fR
        Answer yes to confirmations
        .SH PERMISSIONS
        .TP
        \fBservers:write\fR
        Create servers
        .PP
        An API token needs these: make one with \-\-for "servers create".
        .SH ENVIRONMENT
        .TP
        \fBNSX_OUTPUT\fR
        Same as \-\-output.
        .TP
        \fBNSX_PROFILE\fR
        Same as \-\-profile.
        .TP
        \fBNSX_DEBUG=1\fR
        Same as \-\-verbose.
        .TP
        \fBNSX_TOKEN\fR
        Use this credential; it is never stored.
        .SH FILES
        .TP
        \fB~/.config/nsx/config.json\fR
        Settings; never a secret.
        .SH "EXIT STATUS"
        .TP
        \fB0\fR
        Success.
        .TP
        \fB2\fR
        Usage error.
        .SH SECURITY
        Secrets live in the keyring.
        .PP
        Never pass one as an argument.
        .SH "SEE ALSO"
        \fBnsx\fR(1),
        \fBnsx\-servers\fR(1),
        \fBnsx\-servers\-list\fR(1),
        \fBnsx\-servers\-get\fR(1),
        \fBnsx\-servers\-delete\fR(1),
        \fBjq\fR(1)

        """#)
    }
}
