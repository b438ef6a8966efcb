import NSXCommandLine
import NSXJSON
import NSXOutput
import NSXTokenScan

/// `nsx tokens scan [PATH…] [--staged] [--binary] [--no-ignore] [--revoke]`: finds tokens
/// in files (TokenScanner, StagedScanner in Sources/NSXTokenScan), says whose they probably
/// are when a credential is at hand (ScanOwners), and with `--revoke` revokes the matched
/// active ones (ScanRevocation). Exit 0 when nothing is found, 10 (`findings`) when something is.
enum TokensScan: Verb {
    static let paths: WordsArgument = .words("PATH", help: "Files or directories to scan (default: .; - is standard input)",
                                             optional: true)

    static let spec = NSXCommand(
        "scan", summary: "Find API tokens in files, and whose they are",
        discussion: """
            Looks for nsx_live_/nsx_test_ tokens in files and directory trees (default:
            the current directory; - reads standard input). The walk skips .git, honours
            .gitignore inside a git work tree (as git does: tracked and unignored files),
            skips binary files (a NUL byte in the first 8 KiB), and never follows
            symbolic links; a file or link named as PATH is scanned as it is.

            --staged scans what `git commit` would add now: the added lines of
            `git diff --cached`, with their line numbers in the staged file. As a
            pre-commit hook (a line in .git/hooks/pre-commit):

              nsx tokens scan --staged || exit 1

            Each hit shows file, line, column (in bytes) and the token's public prefix,
            never the secret. With a credential, hits are matched to your tokens by
            prefix and environment ("probably yours"); the secret found is never sent
            anywhere. --revoke revokes the matched active tokens after a question that
            names them (without a terminal, --yes is required; it needs settings:write).

            Exits 0 when nothing is found, 10 when something is (a revocation that
            fails exits with its own code). -o json lists the hits.
            """,
        options: [.staged, .revokeFound, .binary, .noIgnore],
        arguments: [paths],
        examples: [
            Example("nsx tokens scan"),
            Example("nsx tokens scan --staged"),
            Example("nsx tokens scan ~/src deploy.env -o json"),
            Example("nsx tokens scan . --revoke"),
        ],
        permissions: ["settings:read"], action: runner)

    struct Words: Equatable {
        var paths: [String]
        var staged: Bool
        var includeBinary: Bool
        var honourGitIgnore: Bool
        var revoke: Bool
    }

    struct Dependencies {
        var printer: Printer
        var api: APIAccess
        var confirmation: Confirmation
        var profiles: TokenProfiles
    }

    static func words(_ parsed: ParsedCommand<CommandRunner>) throws(CLIError) -> Words {
        let words = Words(paths: parsed[paths], staged: parsed[.staged], includeBinary: parsed[.binary],
                          honourGitIgnore: !parsed[.noIgnore], revoke: parsed[.revokeFound])
        if words.staged && !words.honourGitIgnore {
            throw .usage("--no-ignore has no meaning with --staged", hint: "--staged scans what git would commit, which ignored files are not part of.")
        }
        if words.staged && words.paths.contains("-") {
            throw .usage("--staged reads git's staged changes, not standard input")
        }
        return words
    }

    static func dependencies(_ invocation: Invocation) -> Dependencies {
        Dependencies(printer: invocation.printer, api: invocation.api, confirmation: Confirmation(invocation),
                     profiles: TokenProfiles(factory: invocation.factory))
    }

    /// Keys of one hit in json, ndjson, csv and yaml. `matches` is null when no credential
    /// was at hand to match with, else the tokens of the caller with that prefix.
    static let fields = ["file", "line", "column", "environment", "prefix", "matches"]

    static func run(_ words: Words, _ dependencies: Dependencies) throws(CLIError) {
        let printer = dependencies.printer
        if words.revoke { try dependencies.confirmation.checkPossible(action: "nsx tokens scan --revoke") }
        try printer.validateFields(fields)
        // The credential is settled before the scan, so --revoke without one fails first.
        let client = try credentialedClient(dependencies.api, required: words.revoke, printer: printer)

        let report = try scan(words)
        for warning in report.warnings {
            printer.warn("\(warning.path): \(warning.message)")
        }

        var owners: ScanOwners?
        if let client, !report.hits.isEmpty {
            do {
                owners = try ScanOwners.fetch(client, now: printer.clock.now())
            } catch {
                if words.revoke { throw error }
                printer.warn("could not match the hits to your tokens: \(ErrorPresenter.present(error).message)")
            }
        }

        var revocation = ScanRevocation.Outcome()
        if words.revoke, let client, var known = owners {
            let revoker = TokenRevoker(client: client, profiles: dependencies.profiles, printer: printer)
            revocation = try ScanRevocation(revoker: revoker, confirmation: dependencies.confirmation)
                .revokeActive(among: report.hits, owners: &known)
            owners = known
        }

        try printHits(report.hits, owners: owners, printer: printer)

        // A token left working matters more than the findings: its failure's exit code wins.
        if let first = revocation.failures.first {
            throw .batchFailed(first: ErrorPresenter.present(first).exitCode, failures: revocation.failures.count,
                               total: revocation.attempted)
        }
        guard !report.hits.isEmpty else {
            if printer.isForPeople {
                let skipped = report.binaryFilesSkipped > 0 ? ", \(report.binaryFilesSkipped) binary skipped" : ""
                printer.noteDone("No tokens found (\(report.filesScanned) file\(report.filesScanned == 1 ? "" : "s") scanned\(skipped)).")
            }
            return
        }
        let files = Set(report.hits.map(\.file)).count
        let summary = "found \(report.hits.count) token\(report.hits.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
        throw .findings(summary, hint: hint(words, owners: owners, offline: client == nil, hits: report.hits))
    }

    /// An API client when a credential is at hand. Without one the scan works offline; a
    /// credential that cannot be read only costs the matching, unless `--revoke` needs it.
    static func credentialedClient(_ api: APIAccess, required: Bool, printer: Printer) throws(CLIError) -> APIClient? {
        do {
            return try api.client(.renewIfDue)
        } catch {
            if required { throw error }
            if case .notLoggedIn = error { return nil }
            printer.warn("not matching hits to your tokens: \(ErrorPresenter.present(error).message)")
            return nil
        }
    }

    static func scan(_ words: Words) throws(CLIError) -> ScanReport {
        do {
            if words.staged {
                return try StagedScanner.scan(paths: words.paths, includeBinary: words.includeBinary)
            }
            return try TokenScanner.scan(words.paths, options: ScanOptions(includeBinary: words.includeBinary,
                                                                          honourGitIgnore: words.honourGitIgnore))
        } catch {
            switch error {
            case .noSuchPath(let path): throw .usage("\(path): no such file or directory")
            case .git(let message): throw .io(message)
            }
        }
    }

    static func printHits(_ hits: [TokenHit], owners: ScanOwners?, printer: Printer) throws(CLIError) {
        let forPeople = printer.isForPeople
        // CSV has every key, as JSON does; the table is for people.
        var columns = fields.map { Column($0) }
        if forPeople {
            columns = [Column("location", header: "LOCATION"), Column("shown_prefix", header: "TOKEN"), Column("environment", header: "ENV")]
            if owners != nil { columns.append(Column("owner", header: "PROBABLY YOURS")) }
        }
        let writer = try printer.list(columns: columns, fields: fields)
        for hit in hits {
            let matches = owners?.owners(of: hit)
            var object = JSONObject([
                ("file", .string(hit.file)),
                ("line", .number(String(hit.line))),
                ("column", .number(String(hit.column))),
                ("environment", .string(hit.environment.rawValue)),
                ("prefix", .string(hit.prefix)),
                ("matches", matches.map { list in
                    .array(list.map { .object(JSONObject([("id", .string($0.id)), ("name", .string($0.name)), ("status", .string($0.status))])) })
                } ?? .null),
            ])
            if forPeople {
                object["location"] = .string("\(hit.file):\(hit.line):\(hit.column)")
                object["shown_prefix"] = .string(hit.prefix + "…")
                if let matches { object["owner"] = .string(ownerText(matches)) }
            }
            writer.write([.object(object)])
        }
        writer.finish()
    }

    /// "ci (tok_…), active"; several when tokens share the prefix; "no match" when none do.
    static func ownerText(_ owners: [ScanOwners.Owner]) -> String {
        guard !owners.isEmpty else { return "no match" }
        return owners.map { "\($0.name) (\($0.id)), \($0.status)" }.joined(separator: "; ")
    }

    static func hint(_ words: Words, owners: ScanOwners?, offline: Bool, hits: [TokenHit]) -> String {
        guard let owners else {
            if offline { return "Log in (or set NSX_TOKEN) to see whose tokens these are; remove them from the files either way." }
            return "Remove them from the files, and revoke any that still work."
        }
        let active = hits.contains { hit in owners.owners(of: hit).contains { $0.status == "active" } }
        if active && !words.revoke {
            let again = ["nsx", "tokens", "scan"] + (words.staged ? ["--staged"] : []) + words.paths + ["--revoke"]
            return "Remove them from the files, and revoke the active ones: \(ShellQuote.line(again))"
        }
        return "Remove them from the files: a revoked token is harmless, but it still reads as a secret."
    }
}

extension OptionKey where Self == FlagOption {
    static var staged: Self { .flag("staged", help: "Scan what `git commit` would add (git diff --cached)") }
    static var revokeFound: Self { .flag("revoke", help: "Revoke the matched active tokens (asks first; --yes for scripts)") }
    static var binary: Self { .flag("binary", help: "Scan binary files too") }
    static var noIgnore: Self { .flag("no-ignore", help: "Scan files .gitignore excludes too") }
}
