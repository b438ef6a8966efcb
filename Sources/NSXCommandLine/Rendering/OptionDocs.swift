/// How options and arguments are described in help and the man page, in one place.
extension Option {
    /// The help text followed by its choices and notes:
    /// `Output format {table|json} (default "table", env NSX_OUTPUT)`.
    var fullHelp: String {
        var text = help
        if let choices = valueKind?.choices {
            text += (text.isEmpty ? "" : " ") + "{" + choices.joined(separator: "|") + "}"
        }
        var notes: [String] = []
        if required { notes.append("required") }
        if repeatable && takesValue { notes.append("repeatable") }
        if let defaultValue { notes.append("default " + quotedDefault(defaultValue)) }
        if let environment { notes.append("env " + environment) }
        if !notes.isEmpty {
            text += (text.isEmpty ? "" : " ") + "(" + notes.joined(separator: ", ") + ")"
        }
        return text
    }

    /// Text values are quoted so an empty or spaced default stays visible; numbers are not.
    private func quotedDefault(_ value: String) -> String {
        switch valueKind {
        case .integer, .number, .duration: value
        default: "\"\(value)\""
        }
    }
}

extension Argument {
    var fullHelp: String {
        guard let choices else { return help }
        return help + (help.isEmpty ? "" : " ") + "{" + choices.joined(separator: "|") + "}"
    }
}
