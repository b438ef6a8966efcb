/// Pieces the bash and zsh scripts share: both shells read the same `case` syntax.
/// Patterns are `command:word`; a global option's pattern is `*:--output`.
extension CompletionModel {
    /// `*':--output'|*':-o') return 0 ;;` for every option that takes a value.
    var takesValueCaseItems: [String] {
        let groups = [globalOptions.filter(\.takesValue).flatMap(globalPatterns)]
            + states.map { state in state.localValueOptions.flatMap { localPatterns($0, at: state) } }
        return groups.filter { !$0.isEmpty }.map { $0.joined(separator: "|") + ") return 0 ;;" }
    }

    /// `'nsx:servers') cmd='nsx servers' ;;` for every command word and alias.
    var stepCaseItems: [String] {
        states.flatMap { state in
            state.transitions.map { shellQuoted(state.name + ":" + $0.word) + ") cmd=" + shellQuoted($0.target) + " ;;" }
        }
    }

    /// One `case` item per option with completable values, `offer` giving the command
    /// that completes them (or nil when there is nothing to offer).
    func valueCaseItems(offer: (Option) -> String?) -> [String] {
        let global = globalOptions.compactMap { option in
            offer(option).map { globalPatterns(option).joined(separator: "|") + ") " + $0 + " ;;" }
        }
        let local = states.flatMap { state in
            state.localValueOptions.compactMap { option in
                offer(option).map { localPatterns(option, at: state).joined(separator: "|") + ") " + $0 + " ;;" }
            }
        }
        return global + local
    }

    private func globalPatterns(_ option: Option) -> [String] {
        option.spellings.map { "*" + shellQuoted(":" + $0) }
    }

    private func localPatterns(_ option: Option, at state: State) -> [String] {
        option.spellings.map { shellQuoted(state.name + ":" + $0) }
    }
}

/// A shell function made of one `case` statement.
func caseFunction(_ name: String, locals: String? = nil, subject: String, items: [String],
                  otherwise: String? = nil, after: String? = nil) -> [String] {
    var lines = ["\(name)() {"]
    if let locals { lines.append("    " + locals) }
    lines.append("    case \(subject) in")
    lines += items.map { "        " + $0 }
    if let otherwise { lines.append("        *) \(otherwise) ;;") }
    lines.append("    esac")
    if let after { lines.append("    " + after) }
    lines += ["}", ""]
    return lines
}

/// `if (( $2 == 0 )); then …; fi` per argument with choices or live values: $2 is how many
/// positional words came before the cursor; a repeatable argument matches from its index on.
func argumentTests(_ arguments: [Argument], choices offerChoices: ([String]) -> String,
                   dynamic offerDynamic: (DynamicCompletion) -> String) -> [String] {
    arguments.enumerated().compactMap { index, argument in
        let offer: String
        if let completion = argument.completion {
            offer = offerDynamic(completion)
        } else if let choices = argument.choices {
            offer = offerChoices(choices)
        } else {
            return nil
        }
        let test = argument.repeatable ? "(( $2 >= \(index) ))" : "(( $2 == \(index) ))"
        return "if \(test); then \(offer); fi"
    }
}
