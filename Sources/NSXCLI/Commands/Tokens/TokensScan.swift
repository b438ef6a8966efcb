import NSXJSON
import NSXOutput
import NSXTokenScan

/// `nsx tokens scan [PATH…] [--staged] [--binary] [--no-ignore] [--revoke]`: finds tokens
/// in files (TokenScanner, StagedScanner in Sources/NSXTokenScan), says whose they probably
/// are when a credential is at hand (ScanOwners), and with `--revoke` revokes the matched
/// active ones. Exit 0 when nothing is found, 10 (`findings`) when something is.
enum ScanTokens {
    struct Options: Equatable {
        var paths: [String]
        var staged: Bool
        var includeBinary: Bool
        var honourGitIgnore: Bool
        var revoke: Bool
    }

    static let pathArgument = "PATH"

    static func parse(_ invocation: Invocation) throws(CLIError) -> Options {
        let parsed = invocation.parsed
        let options = Options(paths: parsed.arguments(pathArgument), staged: parsed.flag("staged"),
                              includeBinary: parsed.flag("binary"), honourGitIgnore: !parsed.flag("no-ignore"),
                              revoke: parsed.flag("revoke"))
        if options.staged && !options.honourGitIgnore {
            throw .usage("--no-ignore has no meaning with --staged", hint: "--staged scans what git would commit, which ignored files are not part of.")
        }
        if options.staged && options.paths.contains("-") {
            throw .usage("--staged reads git's staged changes, not standard input")
        }
        return options
    }

    /// Keys of one hit in json, ndjson, csv and yaml. `matches` is null when no credential
    /// was at hand to match with, else the tokens of the caller with that prefix.
    static let fields = ["file", "line", "column", "environment", "prefix", "matches"]

    static func run(_ invocation: Invocation) throws(CLIError) {
        let options = try parse(invocation)
        let globals = invocation.globals
        if options.revoke && !globals.assumeYes && !invocation.streams.canPrompt {
            throw .confirmationRequired(action: "nsx tokens scan --revoke")
        }
        let printer = Printer(factory: invocation.factory)
        try printer.validateFields(fields)
        // The credential is settled before the scan, so --revoke without one fails first.
        let client = try credentialedClient(invocation, required: options.revoke)

        let report = try scan(options)
        for warning in report.warnings {
            invocation.streams.warn("\(printer.style.yellow("warning:")) \(terminalSafe(warning.path)): \(terminalSafe(warning.message))")
        }

        var owners: ScanOwners?
        if let client, !report.hits.isEmpty {
            do {
                owners = try ScanOwners.fetch(client)
            } catch {
                if options.revoke { throw error }
                invocation.streams.warn("\(printer.style.yellow("warning:")) could not match the hits to your tokens: \(ErrorPresenter.present(error).message)")
            }
        }

        var revocation = TokenRevocation.Outcome()
        if options.revoke, let client, var known = owners {
            revocation = try TokenRevocation(invocation: invocation, client: client).revokeActive(among: report.hits, owners: &known)
            owners = known
        }

        try printHits(report.hits, owners: owners, invocation: invocation)

        // A token left working matters more than the findings: its failure's exit code wins.
        if let first = revocation.failures.first {
            throw .batchFailed(first: ErrorPresenter.present(first).exitCode, failures: revocation.failures.count,
                               total: revocation.attempted)
        }
        guard !report.hits.isEmpty else {
            if globals.output == .table && !globals.quiet {
                let skipped = report.binaryFilesSkipped > 0 ? ", \(report.binaryFilesSkipped) binary skipped" : ""
                printer.note("\(printer.style.checkMark) No tokens found (\(report.filesScanned) file\(report.filesScanned == 1 ? "" : "s") scanned\(skipped)).")
            }
            return
        }
        let files = Set(report.hits.map(\.file)).count
        let summary = "found \(report.hits.count) token\(report.hits.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
        throw .findings(summary, hint: hint(options: options, owners: owners, offline: client == nil, hits: report.hits))
    }

    /// An API client when a credential is at hand. Without one the scan works offline; a
    /// credential that cannot be read only costs the matching, unless `--revoke` needs it.
    static func credentialedClient(_ invocation: Invocation, required: Bool) throws(CLIError) -> APIClient? {
        do {
            let client = try invocation.factory.api(requireCredential: required)
            return client.credential == nil ? nil : client
        } catch {
            if required { throw error }
            invocation.streams.warn("warning: not matching hits to your tokens: \(ErrorPresenter.present(error).message)")
            return nil
        }
    }

    static func scan(_ options: Options) throws(CLIError) -> ScanReport {
        do {
            if options.staged {
                return try StagedScanner.scan(paths: options.paths, includeBinary: options.includeBinary)
            }
            return try TokenScanner.scan(options.paths, options: ScanOptions(includeBinary: options.includeBinary,
                                                                            honourGitIgnore: options.honourGitIgnore))
        } catch {
            switch error {
            case .noSuchPath(let path): throw .usage("\(path): no such file or directory")
            case .git(let message): throw .io(message)
            }
        }
    }

    static func printHits(_ hits: [TokenHit], owners: ScanOwners?, invocation: Invocation) throws(CLIError) {
        let forPeople = invocation.globals.output == .table && !invocation.globals.quiet
        // CSV has every key, as JSON does; the table is for people.
        var columns = fields.map { Column($0) }
        if forPeople {
            columns = [Column("location", header: "LOCATION"), Column("shown_prefix", header: "TOKEN"), Column("environment", header: "ENV")]
            if owners != nil { columns.append(Column("owner", header: "PROBABLY YOURS")) }
        }
        let writer = try Printer(factory: invocation.factory).list(columns: columns, fields: fields)
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
            writer.write(.object(object))
        }
        writer.finish()
    }

    /// "ci (tok_…), active"; several when tokens share the prefix; "no match" when none do.
    static func ownerText(_ owners: [ScanOwners.Owner]) -> String {
        guard !owners.isEmpty else { return "no match" }
        return owners.map { "\($0.name) (\($0.id)), \($0.status)" }.joined(separator: "; ")
    }

    static func hint(options: Options, owners: ScanOwners?, offline: Bool, hits: [TokenHit]) -> String {
        guard let owners else {
            if offline { return "Log in (or set NSX_TOKEN) to see whose tokens these are; remove them from the files either way." }
            return "Remove them from the files, and revoke any that still work."
        }
        let active = hits.contains { hit in owners.owners(of: hit).contains { $0.status == "active" } }
        if active && !options.revoke {
            let again = ["nsx", "tokens", "scan"] + (options.staged ? ["--staged"] : []) + options.paths + ["--revoke"]
            return "Remove them from the files, and revoke the active ones: \(ShellQuote.line(again))"
        }
        return "Remove them from the files: a revoked token is harmless, but it still reads as a secret."
    }
}
