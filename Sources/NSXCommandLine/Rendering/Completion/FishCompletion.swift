/// A fish completion script: helper functions that walk the command line like the
/// parser does, then one `complete` line per subcommand, option and argument choice,
/// each guarded by the command it belongs to.
struct FishCompletion {
    let model: CompletionModel

    var script: String {
        let name = "__" + model.identifier
        let program = model.program
        var lines = [
            "# fish completion for \(program), generated from its command tree.",
            "",
        ]
        lines += switchFunction("\(name)_takes_value", patterns: takesValuePatterns, body: ["return 0"], otherwise: ["return 1"])
        lines += stepFunction(name)
        lines += [
            "# Prints the command reached by the words before the cursor, then how many",
            "# positional words it has been given.",
            "function \(name)_state",
            "    set -l cmd \(fishWord(program))",
            "    set -l expect 0",
            "    set -l ended 0",
            "    set -l positional 0",
            "    set -l next",
            "    for word in (commandline -opc)[2..-1]",
            "        if test $expect = 1",
            "            set expect 0",
            "        else if test $ended = 1",
            "            set positional (math $positional + 1)",
            "        else if test \"$word\" = '--'",
            "            set ended 1",
            "        else if string match -q -- '--*=*' $word",
            "            continue",
            "        else if string match -q -- '--*' $word",
            "            \(name)_takes_value $cmd $word; and set expect 1",
            "        else if string match -q -- '-?*' $word",
            "            set -l letters (string split '' -- (string sub -s 2 -- $word))",
            "            for j in (seq (count $letters))",
            "                if \(name)_takes_value $cmd -$letters[$j]",
            "                    test $j -eq (count $letters); and set expect 1",
            "                    break",
            "                end",
            "            end",
            "        else if set next (\(name)_step $cmd $word)",
            "            set cmd $next",
            "        else",
            "            set positional (math $positional + 1)",
            "        end",
            "    end",
            "    echo $cmd",
            "    echo $positional",
            "end",
            "",
            "# True at command $argv[1]; with $argv[2] and $argv[3], only when the count of",
            "# positional words is within that range ($argv[3] = -1: no upper limit).",
            "function \(name)_at",
            "    set -l state (\(name)_state)",
            "    test \"$state[1]\" = \"$argv[1]\"; or return 1",
            "    set -q argv[2]; or return 0",
            "    test $state[2] -ge $argv[2]; or return 1",
            "    test $argv[3] -lt 0; or test $state[2] -le $argv[3]",
            "end",
            "",
            "# True anywhere below command $argv[1].",
            "function \(name)_below",
            "    set -l state (\(name)_state)",
            "    string match -q -- \"$argv[1] *\" \"$state[1]\"",
            "end",
            "",
        ]
        if model.asksTheProgram {
            lines += [
                "# Live values from \(program) itself ($argv[1]: what). Each line it prints is a value, then",
                "# a tab and a description; --opt=value is completed by its value.",
                "function \(name)_dynamic",
                "    set -l typed (commandline -opc)",
                "    set -l token (string replace -r -- '^--[^=]*=' '' (commandline -ct))",
                "    $typed[1] \(DynamicCompletion.command) $argv[1] -- \"$token\" $typed[2..-1] 2>/dev/null",
                "end",
                "",
            ]
        }
        lines += [
            "complete -c \(fishWord(program)) -f",
        ]
        lines += completions(function: name)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `case` patterns match with wildcards even when quoted: `'*:--output'` is a global option.
    private var takesValuePatterns: [String] {
        model.globalOptions.filter(\.takesValue).flatMap(\.spellings).map { fishQuoted("*:" + $0) }
            + model.states.flatMap { state in
                state.localValueOptions.flatMap(\.spellings).map { fishQuoted(state.name + ":" + $0) }
            }
    }

    private func stepFunction(_ name: String) -> [String] {
        var lines = ["function \(name)_step", "    switch \"$argv[1]:$argv[2]\""]
        for state in model.states {
            for transition in state.transitions {
                lines += ["        case " + fishQuoted(state.name + ":" + transition.word), "            echo " + fishQuoted(transition.target)]
            }
        }
        lines += ["        case '*'", "            return 1", "    end", "end", ""]
        return lines
    }

    private func switchFunction(_ name: String, patterns: [String], body: [String], otherwise: [String]) -> [String] {
        var lines = ["function \(name)", "    switch \"$argv[1]:$argv[2]\""]
        if !patterns.isEmpty {
            lines.append("        case " + patterns.joined(separator: " "))
            lines += body.map { "            " + $0 }
        }
        lines += ["    end"] + otherwise.map { "    " + $0 } + ["end", ""]
        return lines
    }

    private func completions(function name: String) -> [String] {
        let program = fishWord(model.program)
        var lines: [String] = []
        for state in model.states {
            let atState = fishCondition("\(name)_at", state.name)
            for subcommand in state.subcommands {
                lines.append("complete -c \(program) \(atState) -a \(fishWord(subcommand.name)) -d \(fishQuoted(subcommand.summary))")
            }
            for (index, argument) in state.arguments.enumerated() {
                let values: String
                if let completion = argument.completion {
                    values = dynamic(completion)
                } else if let choices = argument.choices {
                    values = fishWord(choices.joined(separator: " "))
                } else {
                    continue
                }
                let range = "\(index) \(argument.repeatable ? -1 : index)"
                let condition = fishCondition("\(name)_at", state.name, range)
                lines.append("complete -c \(program) \(condition) -a \(values)")
            }
        }
        for scoped in model.scopedOptions {
            let condition: String
            switch scoped.scope {
            case .everywhere: condition = ""
            case .at(let state): condition = " " + fishCondition("\(name)_at", state)
            case .below(let state): condition = " " + fishCondition("\(name)_below", state)
            }
            lines.append("complete -c \(program)\(condition)" + optionSpec(scoped.option))
        }
        return lines
    }

    /// `'(__nsx_dynamic servers)'`: fish runs it when it completes there.
    private func dynamic(_ completion: DynamicCompletion) -> String {
        fishQuoted("(__\(model.identifier)_dynamic \(fishWord(completion.source)))")
    }

    /// ` -s o -l output -x -a 'table json' -d 'Output format'`
    private func optionSpec(_ option: Option) -> String {
        var spec = ""
        if let short = option.short { spec += " -s " + fishWord(String(short)) }
        spec += " -l " + fishWord(option.long)
        if let completion = option.completion {
            spec += " -x -a " + dynamic(completion)
        } else if let kind = option.valueKind {
            if kind == .path {
                spec += " -r -F"
            } else {
                spec += " -x"
                if let choices = kind.choices { spec += " -a " + fishWord(choices.joined(separator: " ")) }
            }
        }
        if !option.help.isEmpty { spec += " -d " + fishQuoted(option.help) }
        return spec
    }
}

/// Fish single quotes: only `\\` and `\'` are special inside.
func fishQuoted(_ text: String) -> String {
    "'" + text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'"
}

/// A word as fish reads it: bare when it is plain, else single-quoted.
func fishWord(_ text: String) -> String {
    let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_.,/:=+@%".contains($0) }
    return plain ? text : fishQuoted(text)
}

/// `-n "__nsx_at 'nsx servers' 0 0"`: a condition naming a command; double quotes
/// outside keep it readable when nothing in it is special to them.
func fishCondition(_ function: String, _ command: String, _ extra: String = "") -> String {
    let text = function + " " + fishWord(command) + (extra.isEmpty ? "" : " " + extra)
    let readable = !text.contains(where: { "\"$\\".contains($0) })
    return "-n " + (readable ? "\"" + text + "\"" : fishQuoted(text))
}
