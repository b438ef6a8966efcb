import NSXCommandLine
import Testing

/// Whole scripts for the tiny tree, so a change to their shape shows in review.
/// How they behave is tested by running them (`CompletionShellTests`).
struct CompletionSnapshotTests {
    let renderer = CompletionRenderer(root: Tiny.root)

    @Test func bashScript() {
        #expect(renderer.render(.bash) == #"""
        # bash completion for tool, generated from its command tree.

        _tool_takes_value() {
            case "$1:$2" in
                *':--format'|*':-f') return 0 ;;
                'tool items list:--input') return 0 ;;
                *) return 1 ;;
            esac
        }

        _tool_step() {
            case "$cmd:$1" in
                'tool:items') cmd='tool items' ;;
                'tool:shell') cmd='tool shell' ;;
                'tool items:list') cmd='tool items list' ;;
                'tool items:ls') cmd='tool items list' ;;
                'tool items:show') cmd='tool items show' ;;
                *) return 1 ;;
            esac
        }

        _tool_values() {
            case "$1:$2" in
                *':--format'|*':-f') COMPREPLY=($(compgen -P "$4" -W 'text json' -- "$3")) ;;
                'tool items list:--input') compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -P "$4" -f -- "$3")) ;;
            esac
        }

        _tool_options() {
            local words='--format --help --quiet'
            case "$1" in
                'tool') words+=' --version' ;;
                'tool items list') words+=' --input' ;;
            esac
            COMPREPLY=($(compgen -W "$words" -- "$2"))
        }

        _tool_words() {
            case "$1" in
                'tool') COMPREPLY=($(compgen -W 'items shell' -- "$3")) ;;
                'tool items') COMPREPLY=($(compgen -W 'list show' -- "$3")) ;;
                'tool items show') if (( $2 == 0 )); then _tool_dynamic 'items' "$3" ''; fi ;;
                'tool shell') if (( $2 == 0 )); then COMPREPLY=($(compgen -W 'bash zsh' -- "$3")); fi ;;
            esac
        }

        # The words as typed, in typed[0…at]: bash splits --opt=value and a:b at the characters
        # of COMP_WORDBREAKS; pieces with no blank between them in COMP_LINE are one word again.
        _tool_join() {
            local line=${COMP_LINE:0:COMP_POINT} rest piece
            local -i i
            typed=() at=0
            for (( i = 0; i <= COMP_CWORD; i++ )); do
                piece=${COMP_WORDS[i]}
                rest=${line#"${line%%[![:blank:]]*}"}
                if (( i > 0 )) && [[ -n $COMP_LINE && ${#rest} -eq ${#line} ]]; then
                    typed[at]+=$piece
                else
                    typed+=("$piece")
                    at=${#typed[@]}-1
                fi
                line=${rest#"$piece"}
            done
        }

        # Readline replaces only what follows the word's last COMP_WORDBREAKS character.
        _tool_unbreak() {
            [[ -n $COMP_WORDBREAKS && $1 == *[$COMP_WORDBREAKS]* ]] || return 0
            local keep=${1%"${1##*[$COMP_WORDBREAKS]}"}
            COMPREPLY=("${COMPREPLY[@]#"$keep"}")
        }

        # Live values from tool itself: $1 what, $2 the word typed, $3 a prefix to keep.
        _tool_dynamic() {
            local line value
            while IFS= read -r line; do
                value=${line%%$'\t'*}
                [[ $value == "$2"* ]] || continue
                [[ $value == *[!A-Za-z0-9_.:,=@%+/-]* ]] && printf -v value '%q' "$value"
                COMPREPLY+=("$3$value")
            done < <("${typed[0]}" __complete "$1" -- "$2" "${typed[@]:1:at-1}" 2>/dev/null)
        }

        _tool() {
            local -a typed
            local -i at
            _tool_join
            local cur=${typed[at]} cmd='tool' word option=''
            local -i i j expect=0 ended=0 positional=0
            for (( i = 1; i < at; i++ )); do
                word=${typed[i]}
                # Without COMP_LINE to join by, --opt=value arrives as three words.
                if [[ $word == "=" ]] && (( expect )); then continue; fi
                if (( expect )); then expect=0; continue; fi
                if (( ended )); then positional+=1; continue; fi
                case "$word" in
                    --) ended=1 ;;
                    --*=*) ;;
                    --*) if _tool_takes_value "$cmd" "$word"; then expect=1; option="$word"; fi ;;
                    -?*)
                        for (( j = 1; j < ${#word}; j++ )); do
                            if _tool_takes_value "$cmd" "-${word:j:1}"; then
                                if (( j == ${#word} - 1 )); then expect=1; option="-${word:j:1}"; fi
                                break
                            fi
                        done ;;
                    *) _tool_step "$word" || positional+=1 ;;
                esac
            done
            COMPREPLY=()
            if [[ $cur == "=" ]] && (( expect )); then cur=''; fi
            if (( expect )); then
                _tool_values "$cmd" "$option" "$cur" ''
            elif (( ! ended )) && [[ $cur == --*=* ]]; then
                _tool_values "$cmd" "${cur%%=*}" "${cur#*=}" "${cur%%=*}="
            elif (( ! ended )) && [[ $cur == -* ]]; then
                _tool_options "$cmd" "$cur"
            else
                _tool_words "$cmd" "$positional" "$cur"
            fi
            _tool_unbreak "$cur"
            return 0
        }

        complete -F _tool tool

        """#)
    }

    @Test func zshScript() {
        #expect(renderer.render(.zsh) == #"""
        #compdef tool
        # zsh completion for tool, generated from its command tree.

        _tool_takes_value() {
            case "$1:$2" in
                *':--format'|*':-f') return 0 ;;
                'tool items list:--input') return 0 ;;
                *) return 1 ;;
            esac
        }

        _tool_step() {
            case "$cmd:$1" in
                'tool:items') cmd='tool items' ;;
                'tool:shell') cmd='tool shell' ;;
                'tool items:list') cmd='tool items list' ;;
                'tool items:ls') cmd='tool items list' ;;
                'tool items:show') cmd='tool items show' ;;
                *) return 1 ;;
            esac
        }

        _tool_values() {
            case "$1:$2" in
                *':--format'|*':-f') compadd -- 'text' 'json' ;;
                'tool items list:--input') _files ;;
            esac
        }

        _tool_options() {
            local -a described=('--format:Output format' '--help:Show help for command' '--quiet:Say less')
            case "$1" in
                'tool') described+=('--version:Show tool version') ;;
                'tool items list') described+=('--input:Read names from a file') ;;
            esac
            _describe -t options 'option' described
        }

        _tool_words() {
            local -a described
            case "$1" in
                'tool') described=('items:Work with items' 'shell:Print a completion script'); _describe -t commands 'command' described ;;
                'tool items') described=('list:List items' 'show:Show an item'); _describe -t commands 'command' described ;;
                'tool items show') if (( $2 == 0 )); then _tool_dynamic 'items' "$cur"; fi ;;
                'tool shell') if (( $2 == 0 )); then compadd -- 'bash' 'zsh'; fi ;;
            esac
        }

        # Live values from tool itself: $1 what, $2 the word typed. Each line it prints is
        # a value, then a tab and a description.
        _tool_dynamic() {
            local -a described
            local line value
            for line in "${(@f)$("${words[1]}" __complete "$1" -- "$2" "${(@)words[2,CURRENT-1]}" 2>/dev/null)}"; do
                [[ -n $line ]] || continue
                value=${line%%$'\t'*}
                if [[ $line == *$'\t'* ]]; then described+=("${value//:/\\:}:${line#*$'\t'}"); else described+=("${value//:/\\:}"); fi
            done
            _describe -t values 'value' described
        }

        _tool() {
            local cur=${words[CURRENT]} cmd='tool' word option=''
            local -i i j expect=0 ended=0 positional=0
            for (( i = 2; i < CURRENT; i++ )); do
                word=${words[i]}
                if (( expect )); then expect=0; continue; fi
                if (( ended )); then positional+=1; continue; fi
                case $word in
                    --) ended=1 ;;
                    --*=*) ;;
                    --*) if _tool_takes_value "$cmd" "$word"; then expect=1; option=$word; fi ;;
                    -?*)
                        for (( j = 2; j <= ${#word}; j++ )); do
                            if _tool_takes_value "$cmd" "-${word[j]}"; then
                                if (( j == ${#word} )); then expect=1; option="-${word[j]}"; fi
                                break
                            fi
                        done ;;
                    *) _tool_step "$word" || positional+=1 ;;
                esac
            done
            if (( expect )); then _tool_values "$cmd" "$option"; return; fi
            if (( ! ended )) && [[ $cur == --*=* ]]; then
                option=${cur%%=*}
                compset -P '*='
                _tool_values "$cmd" "$option"
                return
            fi
            if (( ! ended )) && [[ $cur == -* ]]; then _tool_options "$cmd"; return; fi
            _tool_words "$cmd" $positional
        }

        if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
            _tool "$@"
        else
            compdef _tool tool
        fi

        """#)
    }

    @Test func fishScript() {
        #expect(renderer.render(.fish) == #"""
        # fish completion for tool, generated from its command tree.

        function __tool_takes_value
            switch "$argv[1]:$argv[2]"
                case '*:--format' '*:-f' 'tool items list:--input'
                    return 0
            end
            return 1
        end

        function __tool_step
            switch "$argv[1]:$argv[2]"
                case 'tool:items'
                    echo 'tool items'
                case 'tool:shell'
                    echo 'tool shell'
                case 'tool items:list'
                    echo 'tool items list'
                case 'tool items:ls'
                    echo 'tool items list'
                case 'tool items:show'
                    echo 'tool items show'
                case '*'
                    return 1
            end
        end

        # Prints the command reached by the words before the cursor, then how many
        # positional words it has been given.
        function __tool_state
            set -l cmd tool
            set -l expect 0
            set -l ended 0
            set -l positional 0
            set -l next
            for word in (commandline -opc)[2..-1]
                if test $expect = 1
                    set expect 0
                else if test $ended = 1
                    set positional (math $positional + 1)
                else if test "$word" = '--'
                    set ended 1
                else if string match -q -- '--*=*' $word
                    continue
                else if string match -q -- '--*' $word
                    __tool_takes_value $cmd $word; and set expect 1
                else if string match -q -- '-?*' $word
                    set -l letters (string split '' -- (string sub -s 2 -- $word))
                    for j in (seq (count $letters))
                        if __tool_takes_value $cmd -$letters[$j]
                            test $j -eq (count $letters); and set expect 1
                            break
                        end
                    end
                else if set next (__tool_step $cmd $word)
                    set cmd $next
                else
                    set positional (math $positional + 1)
                end
            end
            echo $cmd
            echo $positional
        end

        # True at command $argv[1]; with $argv[2] and $argv[3], only when the count of
        # positional words is within that range ($argv[3] = -1: no upper limit).
        function __tool_at
            set -l state (__tool_state)
            test "$state[1]" = "$argv[1]"; or return 1
            set -q argv[2]; or return 0
            test $state[2] -ge $argv[2]; or return 1
            test $argv[3] -lt 0; or test $state[2] -le $argv[3]
        end

        # True anywhere below command $argv[1].
        function __tool_below
            set -l state (__tool_state)
            string match -q -- "$argv[1] *" "$state[1]"
        end

        # Live values from tool itself ($argv[1]: what). Each line it prints is a value, then
        # a tab and a description; --opt=value is completed by its value.
        function __tool_dynamic
            set -l typed (commandline -opc)
            set -l token (string replace -r -- '^--[^=]*=' '' (commandline -ct))
            $typed[1] __complete $argv[1] -- "$token" $typed[2..-1] 2>/dev/null
        end

        complete -c tool -f
        complete -c tool -n "__tool_at tool" -a items -d 'Work with items'
        complete -c tool -n "__tool_at tool" -a shell -d 'Print a completion script'
        complete -c tool -n "__tool_at 'tool items'" -a list -d 'List items'
        complete -c tool -n "__tool_at 'tool items'" -a show -d 'Show an item'
        complete -c tool -n "__tool_at 'tool items show' 0 0" -a '(__tool_dynamic items)'
        complete -c tool -n "__tool_at 'tool shell' 0 0" -a 'bash zsh'
        complete -c tool -s f -l format -x -a 'text json' -d 'Output format'
        complete -c tool -s q -l quiet -d 'Say less'
        complete -c tool -s h -l help -d 'Show help for command'
        complete -c tool -n "__tool_at tool" -l version -d 'Show tool version'
        complete -c tool -n "__tool_at 'tool items list'" -l input -r -F -d 'Read names from a file'

        """#)
    }
}
