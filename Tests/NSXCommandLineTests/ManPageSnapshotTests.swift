import NSXCommandLine
import Testing

/// The sample tree's man page, pinned whole.
struct ManPageSnapshotTests {
    @Test func samplePage() {
        #expect(ManPageTests.samplePage == #"""
        .\" Generated from the command tree of nsx; do not edit.
        .TH "NSX" "1" "2025\-01\-01" "nsx 1.0.0" "User Commands"
        .nh
        .SH NAME
        nsx \- Work with Nurosentrix from the command line
        .SH SYNOPSIS
        \fBnsx\fR [global options] <command> [<subcommand>] [arguments]
        .SH DESCRIPTION
        .PP
        Manage servers and API tokens. Options may stand before or after the command words.
        .SH COMMANDS
        .SS "nsx servers list"
        \fBnsx servers list\fR [flags]
        .PP
        List servers
        .PP
        Aliases: \fBnsx servers ls\fR
        .RS
        .TP
        \fB\-\-all\fR
        Show every page
        .TP
        \fB\-\-label\fR \fIkey=value\fR
        Only servers with this label (repeatable)
        .TP
        \fB\-L\fR, \fB\-\-limit\fR \fIint\fR
        Most servers to show (default 20)
        .TP
        \fB\-p\fR, \fB\-\-project\fR \fIstring\fR
        Project to work in
        .TP
        \fB\-s\fR, \fB\-\-status\fR \fIstring\fR
        Only servers in this state {running|stopped|failed}
        .RE
        .SS "nsx servers get"
        \fBnsx servers get\fR ID [flags]
        .PP
        Show one server
        .RS
        .TP
        \fIID\fR
        Server ID or name
        .TP
        \fB\-p\fR, \fB\-\-project\fR \fIstring\fR
        Project to work in
        .RE
        .SS "nsx servers create"
        \fBnsx servers create\fR \-\-name NAME \-\-plan PLAN [flags]
        .PP
        Create a server
        .PP
        The server starts at once unless the plan is sold out.
        .RS
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
        .RE
        .SS "nsx servers delete"
        \fBnsx servers delete\fR ID... [flags]
        .PP
        Delete servers
        .RS
        .TP
        \fIID...\fR
        Servers to delete
        .TP
        \fB\-p\fR, \fB\-\-project\fR \fIstring\fR
        Project to work in
        .RE
        .SS "nsx tokens create"
        \fBnsx tokens create\fR [flags]
        .PP
        Create an API token
        .RS
        .TP
        \fB\-\-expires\fR \fIduration\fR
        Lifetime of the token
        .TP
        \fB\-n\fR, \fB\-\-name\fR \fIstring\fR
        Token name
        .TP
        \fB\-\-perm\fR \fIstring\fR
        Permission to grant (repeatable)
        .RE
        .SS "nsx tokens show"
        \fBnsx tokens show\fR ID [flags]
        .PP
        Show one token
        .SS "nsx config"
        \fBnsx config\fR [<command>] [flags]
        .PP
        Read and change settings
        .SS "nsx config set"
        \fBnsx config set\fR KEY VALUE [flags]
        .PP
        Change a setting
        .RS
        .TP
        \fIKEY\fR
        {output|color}
        .RE
        .SS "nsx api"
        \fBnsx api\fR [METHOD] PATH [flags]
        .PP
        Send a request to the API
        .RS
        .TP
        \fI[METHOD]\fR
        HTTP method {GET|POST|DELETE}
        .TP
        \fIPATH\fR
        Path below /api/v1/
        .TP
        \fB\-f\fR, \fB\-\-field\fR \fIkey=value\fR
        Add a body field (repeatable)
        .TP
        \fB\-\-input\fR \fIfile\fR
        Read the body from a file
        .RE
        .SS "nsx completion"
        \fBnsx completion\fR SHELL [flags]
        .PP
        Print a shell completion script
        .RS
        .TP
        \fISHELL\fR
        {bash|zsh|fish}
        .RE
        .SS "nsx help"
        \fBnsx help\fR [COMMAND...] [flags]
        .PP
        Show help for a command
        .SH GLOBAL OPTIONS
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
        .SH EXIT STATUS
        .TP
        \fB0\fR
        Success.
        .TP
        \fB2\fR
        Usage error.
        .SH EXAMPLES
        .PP
        List servers as JSON
        .PP
        .RS 4
        .nf
        $ nsx servers list \-o json
        .fi
        .RE
        .PP
        .RS 4
        .nf
        $ nsx servers list \-\-status running \-\-label env=prod
        .fi
        .RE

        """#)
    }
}
