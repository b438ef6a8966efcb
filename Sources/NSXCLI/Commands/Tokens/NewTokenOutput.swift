import NSXJSON
import NSXOutput
import NSXTime

/// Shows a token that was just created (`tokens create`, `tokens rotate`) — the only time its
/// secret is ever seen.
///
/// - piped (or `-q`): stdout is the token alone plus a newline, so `TOKEN=$(nsx tokens create …)`
///   works; what it is and "store it now" go to stderr.
/// - on a terminal: a framed display with the token, name, environment, permissions and expiry.
/// - `-o json|yaml|ndjson|csv`: the token object, `token` included.
/// - saved into a profile: nothing secret at all, just which profile holds it now.
struct NewTokenOutput {
    static let storeNow = "Store it now: it cannot be shown again."

    let printer: Printer
    /// "New API token", "Rotated API token": the frame's title.
    var title = "New API token"

    /// Prints the token with its secret, once.
    func printSecret(_ token: JSONValue) throws(CLIError) {
        let secret = token["token"]?.stringValue ?? ""
        let streams = printer.streams
        if printer.quiet {
            streams.out.write(secret + "\n")
            return
        }
        if !printer.isForPeople {
            try printer.object(token, columns: ResourceView.token.detailColumns, fields: ResourceView.token.fields)
            streams.warn(printer.noteStyle.yellow(Self.storeNow))
            return
        }
        if streams.stdoutIsTerminal {
            streams.out.write(frame(token, secret: secret, now: printer.clock.now()))
            streams.warn(printer.noteStyle.yellow("! " + Self.storeNow))
        } else {
            streams.out.write(secret + "\n")
            streams.warn("\(title): \(Self.summary(token))")
            streams.warn(Self.storeNow)
        }
    }

    /// The token went into a profile's keyring item: print nothing secret.
    func printSaved(_ token: JSONValue, message: String) throws(CLIError) {
        var shown = token
        if case .object(var object) = token {
            object["token"] = nil
            shown = .object(object)
        }
        if !printer.isForPeople {
            try printer.object(shown, columns: ResourceView.token.detailColumns, fields: ResourceView.token.fields)
        }
        printer.noteDone(message)
    }

    /// `ci (tok_…)`, for messages.
    static func label(_ token: JSONValue) -> String {
        let id = terminalSafe(token["id"]?.stringValue ?? "?")
        guard let name = token["name"]?.stringValue else { return id }
        return "\(terminalSafe(name)) (\(id))"
    }

    /// `ci (tok_…, nsx_live_AbCd, live): servers:read; expires never` — every word from the
    /// server made terminal-safe, as this goes to stderr, which may be a terminal.
    static func summary(_ token: JSONValue) -> String {
        let name = token["name"]?.stringValue ?? ""
        let id = token["id"]?.stringValue ?? "?"
        let prefix = token["prefix"]?.stringValue ?? "?"
        let environment = token["environment"]?.stringValue ?? "live"
        let permissions = Permission.canonicalOrder((token["permissions"]?.arrayValue ?? []).compactMap(\.stringValue))
        let expires = token["expires_at"]?.stringValue ?? "never"
        return terminalSafe("\(name) (\(id), \(prefix), \(environment)): \(permissions.joined(separator: " ")); expires \(expires)")
    }

    /// The framed display for a terminal.
    func frame(_ token: JSONValue, secret: String, now: Timestamp) -> String {
        let style = printer.streams.outStyle
        let environment = token["environment"]?.stringValue ?? "live"
        let permissions = Permission.canonicalOrder((token["permissions"]?.arrayValue ?? []).compactMap(\.stringValue)).map(terminalSafe)
        let badge = environment == "test" ? style.cyan(style.bold("TEST")) : style.yellow(style.bold("LIVE"))
        let rows: [(label: String, plain: String, styled: String)] = [
            ("Name", terminalSafe(token["name"]?.stringValue ?? ""), terminalSafe(token["name"]?.stringValue ?? "")),
            ("ID", terminalSafe(token["id"]?.stringValue ?? ""), terminalSafe(token["id"]?.stringValue ?? "")),
            ("Environment", environment == "test" ? "TEST" : "LIVE", badge),
            ("Expires", Self.expiry(token["expires_at"]?.stringValue, now: now), Self.expiry(token["expires_at"]?.stringValue, now: now)),
        ]
        let labelWidth = (rows.map(\.label) + ["Permissions"]).map(\.count).max() ?? 0
        let terminalWidth = max(40, printer.streams.terminalWidth)
        // "│  " + label + "  " + value + "  │"
        let valueRoom = max(20, terminalWidth - labelWidth - 8)
        let permissionLines = Self.wrap(permissions, width: valueRoom)

        var lines: [(plain: String, styled: String)] = [("", ""), (secret, style.bold(style.green(secret))), ("", "")]
        func add(_ label: String, _ plain: String, _ styled: String) {
            let padded = label + String(repeating: " ", count: labelWidth - label.count)
            lines.append((padded + "  " + plain, style.dim(padded) + "  " + styled))
        }
        add(rows[0].label, rows[0].plain, rows[0].styled)
        add(rows[1].label, rows[1].plain, rows[1].styled)
        add(rows[2].label, rows[2].plain, rows[2].styled)
        for (index, line) in permissionLines.enumerated() {
            add(index == 0 ? "Permissions" : "", line, line)
        }
        add(rows[3].label, rows[3].plain, rows[3].styled)
        lines.append(("", ""))

        let inner = max(lines.map(\.plain.count).max() ?? 0, title.count + 2)
        let titleText = " \(title) "
        var output = "╭─" + style.bold(titleText) + String(repeating: "─", count: max(0, inner + 3 - titleText.count)) + "╮\n"
        for line in lines {
            output += "│  " + line.styled + String(repeating: " ", count: inner - line.plain.count) + "  │\n"
        }
        output += "╰" + String(repeating: "─", count: inner + 4) + "╯\n"
        return output
    }

    /// `never`, or `2027-01-31T23:59:59Z (in 30 days)`.
    static func expiry(_ expiresAt: String?, now: Timestamp) -> String {
        guard let expiresAt else { return "never" }
        guard let moment = Timestamp(rfc3339: expiresAt) else { return terminalSafe(expiresAt) }
        guard moment > now else { return "\(expiresAt) (expired)" }
        return "\(expiresAt) (\(RelativeTime.spoken(moment, now: now)))"
    }

    /// Permissions as lines of at most `width` characters (one permission never splits).
    static func wrap(_ permissions: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for permission in permissions {
            if current.isEmpty {
                current = permission
            } else if current.count + 1 + permission.count <= width {
                current += " " + permission
            } else {
                lines.append(current)
                current = permission
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current.isEmpty ? "none" : current) }
        return lines
    }
}
