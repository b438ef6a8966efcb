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
        if model.asksTheProgram {
            lines += [
                "# Live values from \(model.program) itself: $1 what, $2 the word typed. Each line it prints is",
                "# a value, then a tab and a description.",
                "\(name)_dynamic() {",
                "    local -a described",
                "    local line value",
                "    for line in \"${(@f)$(\"${words[1]}\" \(DynamicCompletion.command) \"$1\" -- \"$2\" \"${(@)words[2,CURRENT-1]}\" 2>/dev/null)}\"; do",
                "        [[ -n $line ]] || continue",
                "        value=${line%%$'\\t'*}",
                "        if [[ $line == *$'\\t'* ]]; then described+=(\"${value//:/\\\\:}:${line#*$'\\t'}\"); else described+=(\"${value//:/\\\\:}\"); fi",
                "    done",
                "    _describe -t values 'value' described",
                "}",
                "",
            ]
        }
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
            // After `compset -P '*='`, cur still holds `--server=`: only the value is typed.
            if let completion = option.completion { return dynamic(completion) + " \"${cur#--*=}\"" }
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
            let tests = argumentTests(state.arguments, choices: { "compadd -- " + $0.map(shellQuoted).joined(separator: " ") },
                                      dynamic: { dynamic($0) + " \"$cur\"" })
            return tests.isEmpty ? nil : shellQuoted(state.name) + ") " + tests.joined(separator: "; ") + " ;;"
        }
    }

    /// `_nsx_dynamic 'servers'`, completed by the word typed.
    private func dynamic(_ completion: DynamicCompletion) -> String {
        "_\(model.identifier)_dynamic \(shellQuoted(completion.source))"
    }

    /// `_describe` reads `word:description`; a colon inside the word is escaped.
    private func described(_ word: String, _ text: String) -> String {
        shellQuoted(word.replacingAll(":", with: "\\:") + ":" + text)
    }
}
