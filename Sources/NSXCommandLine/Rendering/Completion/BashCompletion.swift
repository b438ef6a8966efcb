/// A bash completion script. Functions share the walk's variables through bash's
/// dynamic scoping (`cmd` is the caller's local), which keeps each one a plain `case`.
struct BashCompletion {
    let model: CompletionModel

    var script: String {
        let name = "_" + model.identifier
        var lines = [
            "# bash completion for \(model.program), generated from its command tree.",
            "",
        ]
        lines += caseFunction("\(name)_takes_value", subject: "\"$1:$2\"", items: model.takesValueCaseItems, otherwise: "return 1")
        lines += caseFunction("\(name)_step", subject: "\"$cmd:$1\"", items: model.stepCaseItems, otherwise: "return 1")
        lines += caseFunction("\(name)_values", subject: "\"$1:$2\"", items: valueItems)
        lines += caseFunction("\(name)_options", locals: "local words=\(globalOptionWords)", subject: "\"$1\"",
                              items: optionItems, after: "COMPREPLY=($(compgen -W \"$words\" -- \"$2\"))")
        lines += caseFunction("\(name)_words", subject: "\"$1\"", items: wordItems)
        lines += [
            "\(name)() {",
            "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" cmd=\(shellQuoted(model.program)) word option=''",
            "    local -i i j expect=0 ended=0 positional=0",
            "    for (( i = 1; i < COMP_CWORD; i++ )); do",
            "        word=\"${COMP_WORDS[i]}\"",
            "        # With '=' in COMP_WORDBREAKS, --opt=value arrives as three words.",
            "        if [[ $word == \"=\" ]] && (( expect )); then continue; fi",
            "        if (( expect )); then expect=0; continue; fi",
            "        if (( ended )); then positional+=1; continue; fi",
            "        case \"$word\" in",
            "            --) ended=1 ;;",
            "            --*=*) ;;",
            "            --*) if \(name)_takes_value \"$cmd\" \"$word\"; then expect=1; option=\"$word\"; fi ;;",
            "            -?*)",
            "                for (( j = 1; j < ${#word}; j++ )); do",
            "                    if \(name)_takes_value \"$cmd\" \"-${word:j:1}\"; then",
            "                        if (( j == ${#word} - 1 )); then expect=1; option=\"-${word:j:1}\"; fi",
            "                        break",
            "                    fi",
            "                done ;;",
            "            *) \(name)_step \"$word\" || positional+=1 ;;",
            "        esac",
            "    done",
            "    COMPREPLY=()",
            "    if [[ $cur == \"=\" ]] && (( expect )); then cur=''; fi",
            "    if (( expect )); then \(name)_values \"$cmd\" \"$option\" \"$cur\" ''; return 0; fi",
            "    if (( ! ended )) && [[ $cur == --*=* ]]; then",
            "        \(name)_values \"$cmd\" \"${cur%%=*}\" \"${cur#*=}\" \"${cur%%=*}=\"",
            "        return 0",
            "    fi",
            "    if (( ! ended )) && [[ $cur == -* ]]; then \(name)_options \"$cmd\" \"$cur\"; return 0; fi",
            "    \(name)_words \"$cmd\" \"$positional\" \"$cur\"",
            "}",
            "",
            "complete -F \(name) \(model.program)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// $3 is the text typed so far, $4 a prefix to keep (`--output=`).
    private var valueItems: [String] {
        model.valueCaseItems { option in
            if option.isPathValue { return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -P \"$4\" -f -- \"$3\"))" }
            return option.valueKind?.choices.map { reply($0, typed: "$3", prefix: "$4") }
        }
    }

    /// The global options, plus those valid only at the command.
    private var globalOptionWords: String {
        shellQuoted(model.visibleGlobalOptions.map { "--" + $0.long }.sorted().joined(separator: " "))
    }

    private var optionItems: [String] {
        model.states.compactMap { state in
            let names = state.visibleLocalOptions.map { "--" + $0.long }.sorted()
            return names.isEmpty ? nil : shellQuoted(state.name) + ") words+=" + shellQuoted(" " + names.joined(separator: " ")) + " ;;"
        }
    }

    /// Subcommands of a group; choices of the positional argument at index $2 of a leaf.
    private var wordItems: [String] {
        model.states.compactMap { state in
            if !state.subcommands.isEmpty {
                return shellQuoted(state.name) + ") " + reply(state.subcommands.map(\.name), typed: "$3", prefix: nil) + " ;;"
            }
            let tests = argumentChoiceTests(state.arguments) { reply($0, typed: "$3", prefix: nil) }
            return tests.isEmpty ? nil : shellQuoted(state.name) + ") " + tests.joined(separator: "; ") + " ;;"
        }
    }

    private func reply(_ words: [String], typed: String, prefix: String?) -> String {
        let prefixArgument = prefix.map { "-P \"\($0)\" " } ?? ""
        return "COMPREPLY=($(compgen \(prefixArgument)-W \(shellQuoted(words.joined(separator: " "))) -- \"\(typed)\"))"
    }
}
