/// A zsh completion script: the same walk as bash, offering subcommands and options
/// with their descriptions through `_describe`. Works from `fpath` (autoloaded as
/// `_<program>`) and when sourced (it then registers itself with `compdef`).
struct ZshCompletion {
    let model: CompletionModel

    var script: String {
        let name = "_" + model.identifier
        var lines = [
            "#compdef \(model.program)",
            "# zsh completion for \(model.program), generated from its command tree.",
            "",
        ]
        lines += caseFunction("\(name)_takes_value", subject: "\"$1:$2\"", items: model.takesValueCaseItems, otherwise: "return 1")
        lines += caseFunction("\(name)_step", subject: "\"$cmd:$1\"", items: model.stepCaseItems, otherwise: "return 1")
        lines += caseFunction("\(name)_values", subject: "\"$1:$2\"", items: valueItems)
        lines += caseFunction("\(name)_options", locals: "local -a described=(\(globalOptionEntries))", subject: "\"$1\"", items: optionItems,
                          after: "_describe -t options 'option' described")
        lines += caseFunction("\(name)_words", locals: "local -a described", subject: "\"$1\"", items: wordItems)
        lines += [
            "\(name)() {",
            "    local cur=${words[CURRENT]} cmd=\(shellQuoted(model.program)) word option=''",
            "    local -i i j expect=0 ended=0 positional=0",
            "    for (( i = 2; i < CURRENT; i++ )); do",
            "        word=${words[i]}",
            "        if (( expect )); then expect=0; continue; fi",
            "        if (( ended )); then positional+=1; continue; fi",
            "        case $word in",
            "            --) ended=1 ;;",
            "            --*=*) ;;",
            "            --*) if \(name)_takes_value \"$cmd\" \"$word\"; then expect=1; option=$word; fi ;;",
            "            -?*)",
            "                for (( j = 2; j <= ${#word}; j++ )); do",
            "                    if \(name)_takes_value \"$cmd\" \"-${word[j]}\"; then",
            "                        if (( j == ${#word} )); then expect=1; option=\"-${word[j]}\"; fi",
            "                        break",
            "                    fi",
            "                done ;;",
            "            *) \(name)_step \"$word\" || positional+=1 ;;",
            "        esac",
            "    done",
            "    if (( expect )); then \(name)_values \"$cmd\" \"$option\"; return; fi",
            "    if (( ! ended )) && [[ $cur == --*=* ]]; then",
            "        option=${cur%%=*}",
            "        compset -P '*='",
            "        \(name)_values \"$cmd\" \"$option\"",
            "        return",
            "    fi",
            "    if (( ! ended )) && [[ $cur == -* ]]; then \(name)_options \"$cmd\"; return; fi",
            "    \(name)_words \"$cmd\" $positional",
            "}",
            "",
            "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then",
            "    \(name) \"$@\"",
            "else",
            "    compdef \(name) \(model.program)",
            "fi",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private var valueItems: [String] {
        model.valueCaseItems { option in
            if option.isPathValue { return "_files" }
            return option.valueKind?.choices.map { "compadd -- " + $0.map(shellQuoted).joined(separator: " ") }
        }
    }

    private var globalOptionEntries: String {
        model.visibleGlobalOptions.sorted { $0.long < $1.long }.map { described("--" + $0.long, $0.help) }.joined(separator: " ")
    }

    private var optionItems: [String] {
        model.states.compactMap { state in
            let entries = state.visibleLocalOptions.sorted { $0.long < $1.long }.map { described("--" + $0.long, $0.help) }
            return entries.isEmpty ? nil : shellQuoted(state.name) + ") described+=(" + entries.joined(separator: " ") + ") ;;"
        }
    }

    private var wordItems: [String] {
        model.states.compactMap { state in
            if !state.subcommands.isEmpty {
                let entries = state.subcommands.map { described($0.name, $0.summary) }
                return shellQuoted(state.name) + ") described=(" + entries.joined(separator: " ")
                    + "); _describe -t commands 'command' described ;;"
            }
            let tests = argumentChoiceTests(state.arguments) { "compadd -- " + $0.map(shellQuoted).joined(separator: " ") }
            return tests.isEmpty ? nil : shellQuoted(state.name) + ") " + tests.joined(separator: "; ") + " ;;"
        }
    }

    /// `_describe` reads `word:description`; a colon inside the word is escaped.
    private func described(_ word: String, _ text: String) -> String {
        shellQuoted(word.replacingAll(":", with: "\\:") + ":" + text)
    }
}
