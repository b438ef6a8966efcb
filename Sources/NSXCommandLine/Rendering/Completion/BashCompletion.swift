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
            "# The words as typed, in typed[0…at]: bash splits --opt=value and a:b at the characters",
            "# of COMP_WORDBREAKS; pieces with no blank between them in COMP_LINE are one word again.",
            "\(name)_join() {",
            "    local line=${COMP_LINE:0:COMP_POINT} rest piece",
            "    local -i i",
            "    typed=() at=0",
            "    for (( i = 0; i <= COMP_CWORD; i++ )); do",
            "        piece=${COMP_WORDS[i]}",
            "        rest=${line#\"${line%%[![:blank:]]*}\"}",
            "        if (( i > 0 )) && [[ -n $COMP_LINE && ${#rest} -eq ${#line} ]]; then",
            "            typed[at]+=$piece",
            "        else",
            "            typed+=(\"$piece\")",
            "            at=${#typed[@]}-1",
            "        fi",
            "        line=${rest#\"$piece\"}",
            "    done",
            "}",
            "",
            "# Readline replaces only what follows the word's last COMP_WORDBREAKS character.",
            "\(name)_unbreak() {",
            "    [[ -n $COMP_WORDBREAKS && $1 == *[$COMP_WORDBREAKS]* ]] || return 0",
            "    local keep=${1%\"${1##*[$COMP_WORDBREAKS]}\"}",
            "    COMPREPLY=(\"${COMPREPLY[@]#\"$keep\"}\")",
            "}",
            "",
        ]
        if model.asksTheProgram {
            lines += [
                "# Live values from \(model.program) itself: $1 what, $2 the word typed, $3 a prefix to keep.",
                "\(name)_dynamic() {",
                "    local line value",
                "    while IFS= read -r line; do",
                "        value=${line%%$'\\t'*}",
                "        [[ $value == \"$2\"* ]] || continue",
                "        [[ $value == *[!A-Za-z0-9_.:,=@%+/-]* ]] && printf -v value '%q' \"$value\"",
                "        COMPREPLY+=(\"$3$value\")",
                "    done < <(\"${typed[0]}\" \(DynamicCompletion.command) \"$1\" -- \"$2\" \"${typed[@]:1:at-1}\" 2>/dev/null)",
                "}",
                "",
            ]
        }
        lines += [
            "\(name)() {",
            "    local -a typed",
            "    local -i at",
            "    \(name)_join",
            "    local cur=${typed[at]} cmd=\(shellQuoted(model.program)) word option=''",
            "    local -i i j expect=0 ended=0 positional=0",
            "    for (( i = 1; i < at; i++ )); do",
            "        word=${typed[i]}",
            "        # Without COMP_LINE to join by, --opt=value arrives as three words.",
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
            "    if (( expect )); then",
            "        \(name)_values \"$cmd\" \"$option\" \"$cur\" ''",
            "    elif (( ! ended )) && [[ $cur == --*=* ]]; then",
            "        \(name)_values \"$cmd\" \"${cur%%=*}\" \"${cur#*=}\" \"${cur%%=*}=\"",
            "    elif (( ! ended )) && [[ $cur == -* ]]; then",
            "        \(name)_options \"$cmd\" \"$cur\"",
            "    else",
            "        \(name)_words \"$cmd\" \"$positional\" \"$cur\"",
            "    fi",
            "    \(name)_unbreak \"$cur\"",
            "    return 0",
            "}",
            "",
            "complete -F \(name) \(model.program)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// $3 is the text typed so far, $4 a prefix to keep (`--output=`).
    private var valueItems: [String] {
        model.valueCaseItems { option in
            if let completion = option.completion { return dynamic(completion, prefix: "\"$4\"") }
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
            let tests = argumentTests(state.arguments, choices: { reply($0, typed: "$3", prefix: nil) },
                                      dynamic: { dynamic($0, prefix: "''") })
            return tests.isEmpty ? nil : shellQuoted(state.name) + ") " + tests.joined(separator: "; ") + " ;;"
        }
    }

    /// `_nsx_dynamic 'servers' "$3" "$4"`: $3 is the word typed; `prefix` a shell word to keep.
    private func dynamic(_ completion: DynamicCompletion, prefix: String) -> String {
        "_\(model.identifier)_dynamic \(shellQuoted(completion.source)) \"$3\" \(prefix)"
    }

    private func reply(_ words: [String], typed: String, prefix: String?) -> String {
        let prefixArgument = prefix.map { "-P \"\($0)\" " } ?? ""
        return "COMPREPLY=($(compgen \(prefixArgument)-W \(shellQuoted(words.joined(separator: " "))) -- \"\(typed)\"))"
    }
}
