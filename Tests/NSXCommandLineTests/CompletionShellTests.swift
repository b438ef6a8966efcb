import Foundation
import NSXCommandLine
import Testing
import TestSupport

/// The generated scripts, run by the real shells: syntax first, then what each offers
/// for a command line typed so far (the last word is the one being completed).
struct CompletionShellTests {
    static let sample = CompletionRenderer(root: Sample.root)
    static let tiny = CompletionRenderer(root: Tiny.root)

    @Test(arguments: Shell.allCases)
    func scriptsParse(_ shell: Shell) throws {
        for script in [Self.sample.render(shell), Self.tiny.render(shell)] {
            let check: (String) -> [String] = switch shell {
            case .bash, .zsh: { ["-n", $0] }
            case .fish: { ["--no-execute", $0] }
            }
            let result = try ShellRunner.run(shell.rawValue, script: script, arguments: check)
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.errors.isEmpty)
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var words: [String]
        var offered: [String]
        var testDescription: String { words.joined(separator: " ") + "|" }
    }

    /// A file the scripts should offer for path values (the script file itself).
    static let fileMarker = "<file>"

    /// Stands in for the program the scripts ask for live values (`nsx __complete SOURCE --
    /// WORD TYPED…`): servers (one with a blank in its name; others for `--profile work`) and
    /// two permission lists. The scripts filter by the word typed themselves too.
    static let posixFake = #"""
        nsx() {
            [[ $1 == __complete && $3 == -- ]] || return 1
            case $2 in
                servers) if [[ " $* " == *" --profile work "* || " $* " == *" --profile=work "* ]]; then printf 'srv_work\tworkweb\n'
                         else printf 'srv_1\tweb-1\nweb-1\tsrv_1\nsrv_2\tdb 2\ndb 2\tsrv_2\n'; fi ;;
                permissions) printf 'servers:read,servers:write\tCreate, update, delete servers\nservers:read,instances:read\tView instances\n' ;;
            esac
        }
        """#

    // MARK: - bash

    static let bashDriver = posixFake + CompletionDrivers.bash


    @Test(arguments: [
        Case(words: ["nsx", ""], offered: ["servers", "tokens", "config", "api", "completion", "help"]),
        Case(words: ["nsx", "servers", ""], offered: ["list", "get", "create", "delete"]),
        Case(words: ["nsx", "server", "l"], offered: ["list"]),
        Case(words: ["nsx", "-o", "json", "servers", ""], offered: ["list", "get", "create", "delete"]),
        Case(words: ["nsx", "servers", "-p", "acme", ""], offered: ["list", "get", "create", "delete"]),
        Case(words: ["nsx", "-qojson", "tokens", ""], offered: ["create", "show"]),
        Case(words: ["nsx", "--timeout", "5", "serv"], offered: ["servers"]),
        Case(words: ["nsx", "deb"], offered: []),
        Case(words: ["nsx", "config", ""], offered: ["set"]),
        Case(words: ["nsx", "servers", "list", "--st"], offered: ["--status"]),
        Case(words: ["nsx", "--ver"], offered: ["--verbose", "--version"]),
        Case(words: ["nsx", "servers", "--ver"], offered: ["--verbose"]),
        Case(words: ["nsx", "servers", "ls", "--p"], offered: ["--profile", "--project"]),
        Case(words: ["nsx", "servers", "list", "--status", ""], offered: ["running", "stopped", "failed"]),
        Case(words: ["nsx", "servers", "ls", "-s", "r"], offered: ["running"]),
        Case(words: ["nsx", "-qo", ""], offered: ["table", "json", "yaml"]),
        Case(words: ["nsx", "--output=j"], offered: ["json"]),
        Case(words: ["nsx", "--output="], offered: ["table", "json", "yaml"]),
        Case(words: ["nsx", "servers", "list", "--status=s"], offered: ["stopped"]),
        Case(words: ["nsx", "servers", "create", "--user-data", fileMarker], offered: [fileMarker]),
        Case(words: ["nsx", "completion", ""], offered: ["bash", "zsh", "fish"]),
        Case(words: ["nsx", "completion", "bash", ""], offered: []),
        Case(words: ["nsx", "config", "set", ""], offered: ["output", "color"]),
        Case(words: ["nsx", "api", "--", ""], offered: ["GET", "POST", "DELETE"]),
        Case(words: ["nsx", "servers", "get", ""], offered: ["srv_1", "web-1", "srv_2", #"db\ 2"#]),
        Case(words: ["nsx", "servers", "get", "w"], offered: ["web-1"]),
        Case(words: ["nsx", "servers", "get", "srv_1", ""], offered: []),
        Case(words: ["nsx", "servers", "delete", "srv_1", "d"], offered: [#"db\ 2"#]),
        Case(words: ["nsx", "--profile", "work", "servers", "get", ""], offered: ["srv_work"]),
        Case(words: ["nsx", "servers", "get", "--profile=work", ""], offered: ["srv_work"]),
        Case(words: ["nsx", "tokens", "create", "--perm", "servers:read,ser"], offered: ["read,servers:write"]),
        Case(words: ["nsx", "tokens", "create", "--perm=servers:read,"], offered: ["read,servers:write", "read,instances:read"]),
        Case(words: ["nsx", "tokens", "create", "--perm", "x"], offered: []),
    ])
    func bashOffers(_ testCase: Case) throws {
        let result = try ShellRunner.run("bash", script: Self.sample.render(.bash)) { file in
            ["-c", Self.bashDriver, file] + Self.typed(testCase.words, scriptPath: file)
        }
        #expect(result.errors.isEmpty)
        #expect(Self.offered(result) == testCase.offered)
    }

    /// The words with the file marker replaced by the start of the script's own path.
    static func typed(_ words: [String], scriptPath: String) -> [String] {
        words.map { $0 == fileMarker ? String(scriptPath.dropLast(3)) : $0 }
    }

    /// What the shell printed, with the script's own path shown as the file marker.
    static func offered(_ result: ShellRunner.Result) -> [String] {
        result.lines.map { $0 == result.scriptPath ? fileMarker : $0 }
    }

    // MARK: - zsh

    static let zshStubs = CompletionDrivers.zshStubs + posixFake


    @Test(arguments: [
        Case(words: ["nsx", ""], offered: ["servers", "tokens", "config", "api", "completion", "help"]),
        Case(words: ["nsx", "server", "l"], offered: ["list"]),
        Case(words: ["nsx", "-o", "json", "servers", ""], offered: ["list", "get", "create", "delete"]),
        Case(words: ["nsx", "servers", "-p", "acme", ""], offered: ["list", "get", "create", "delete"]),
        Case(words: ["nsx", "-qojson", "tokens", ""], offered: ["create", "show"]),
        Case(words: ["nsx", "deb"], offered: []),
        Case(words: ["nsx", "servers", "list", "--st"], offered: ["--status"]),
        Case(words: ["nsx", "--ver"], offered: ["--verbose", "--version"]),
        Case(words: ["nsx", "servers", "--ver"], offered: ["--verbose"]),
        Case(words: ["nsx", "servers", "list", "--status", ""], offered: ["running", "stopped", "failed"]),
        Case(words: ["nsx", "-qo", ""], offered: ["table", "json", "yaml"]),
        Case(words: ["nsx", "--output=j"], offered: ["json"]),
        Case(words: ["nsx", "servers", "create", "--user-data", ""], offered: [fileMarker]),
        Case(words: ["nsx", "completion", ""], offered: ["bash", "zsh", "fish"]),
        Case(words: ["nsx", "completion", "bash", ""], offered: []),
        Case(words: ["nsx", "config", "set", ""], offered: ["output", "color"]),
        Case(words: ["nsx", "config", "set", "output", ""], offered: []),
        Case(words: ["nsx", "api", "--", ""], offered: ["GET", "POST", "DELETE"]),
        Case(words: ["nsx", "servers", "get", ""], offered: ["srv_1", "web-1", "srv_2", "db 2"]),
        Case(words: ["nsx", "servers", "get", "w"], offered: ["web-1"]),
        Case(words: ["nsx", "--profile", "work", "servers", "get", ""], offered: ["srv_work"]),
        Case(words: ["nsx", "tokens", "create", "--perm", "servers:read,ser"], offered: ["servers:read,servers:write"]),
        Case(words: ["nsx", "tokens", "create", "--perm", "x"], offered: []),
    ])
    func zshOffers(_ testCase: Case) throws {
        let driver = Self.zshStubs + "; " + CompletionDrivers.zsh
        let result = try ShellRunner.run("zsh", script: Self.sample.render(.zsh)) { file in
            ["-f", "-c", driver, file] + testCase.words
        }
        #expect(result.errors.isEmpty)
        #expect(Self.offered(result) == testCase.offered)
    }

    // MARK: - fish

    /// `complete -C` asks fish itself what it would offer; it lists candidates sorted.
    @Test(arguments: [
        Case(words: ["nsx", ""], offered: ["api", "completion", "config", "help", "servers", "tokens"]),
        Case(words: ["nsx", "server", "l"], offered: ["list"]),
        Case(words: ["nsx", "-o", "json", "servers", ""], offered: ["create", "delete", "get", "list"]),
        Case(words: ["nsx", "servers", "-p", "acme", ""], offered: ["create", "delete", "get", "list"]),
        Case(words: ["nsx", "-qojson", "tokens", ""], offered: ["create", "show"]),
        Case(words: ["nsx", "deb"], offered: []),
        Case(words: ["nsx", "servers", "list", "--st"], offered: ["--status"]),
        Case(words: ["nsx", "--ver"], offered: ["--verbose", "--version"]),
        Case(words: ["nsx", "servers", "--ver"], offered: ["--verbose"]),
        Case(words: ["nsx", "servers", "ls", "--p"], offered: ["--profile", "--project"]),
        Case(words: ["nsx", "servers", "list", "--status", ""], offered: ["failed", "running", "stopped"]),
        Case(words: ["nsx", "servers", "ls", "-s", "r"], offered: ["running"]),
        Case(words: ["nsx", "-qo", ""], offered: ["json", "table", "yaml"]),
        Case(words: ["nsx", "servers", "list", "--status=s"], offered: ["--status=stopped"]),
        Case(words: ["nsx", "servers", "create", "--user-data", fileMarker], offered: [fileMarker]),
        Case(words: ["nsx", "completion", ""], offered: ["bash", "fish", "zsh"]),
        Case(words: ["nsx", "completion", "bash", ""], offered: []),
        Case(words: ["nsx", "config", "set", ""], offered: ["color", "output"]),
        Case(words: ["nsx", "servers", "get", ""], offered: ["db 2", "srv_1", "srv_2", "web-1"]),
        Case(words: ["nsx", "servers", "get", "w"], offered: ["web-1"]),
        Case(words: ["nsx", "--profile", "work", "servers", "get", ""], offered: ["srv_work"]),
        Case(words: ["nsx", "tokens", "create", "--perm", "servers:read,ser"], offered: ["servers:read,servers:write"]),
        Case(words: ["nsx", "tokens", "create", "--perm=servers:read,ser"], offered: ["--perm=servers:read,servers:write"]),
        Case(words: ["nsx", "tokens", "create", "--perm", "x"], offered: []),
    ])
    func fishOffers(_ testCase: Case) throws {
        let fake = #"""
            function nsx
                test "$argv[1]" = __complete; and test "$argv[3]" = --; or return 1
                switch $argv[2]
                    case servers
                        if contains -- work $argv; and contains -- --profile $argv
                            printf 'srv_work\tworkweb\n'
                        else
                            printf 'srv_1\tweb-1\nweb-1\tsrv_1\nsrv_2\tdb 2\ndb 2\tsrv_2\n'
                        end
                    case permissions
                        printf 'servers:read,servers:write\tCreate\nservers:read,instances:read\tView\n'
                end
            end
            """#
        let result = try ShellRunner.run("fish", script: Self.sample.render(.fish)) { file in
            let line = Self.typed(testCase.words, scriptPath: file).joined(separator: " ")
            return ["--no-config", "-c", fake + "\n" + CompletionDrivers.fish, file, line]
        }
        #expect(result.errors.isEmpty)
        let candidates = result.lines.map { String($0.prefix { $0 != "\t" }) }
        #expect(candidates.map { $0 == result.scriptPath ? Self.fileMarker : $0 } == testCase.offered)
    }
}
