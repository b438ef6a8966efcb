/// How tests make the real shells complete a command line with a generated script, outside
/// an interactive session. Each driver is run as `SHELL -c DRIVER SCRIPT WORD…`: it sources
/// SCRIPT (`$0`) and completes the last WORD, printing one candidate a line. The unit tests
/// put a fake `nsx` function in front of a driver; the end-to-end tests put the real binary
/// on PATH instead.
public enum CompletionDrivers {
    /// Sets COMP_LINE, COMP_POINT, COMP_WORDS and COMP_CWORD as bash does for the words typed
    /// (the last one being completed): COMP_WORDS splits words at `:`, `=` and `@`, which are
    /// in COMP_WORDBREAKS; what the script replies replaces only the text after them.
    public static let bash = #"""

        source "$0"
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=()
        re='^([^:=@]*)([:=@]+)(.*)$'
        for w in "$@"; do
            whole=1
            while [[ $w =~ $re ]]; do
                [[ -n ${BASH_REMATCH[1]} ]] && COMP_WORDS+=("${BASH_REMATCH[1]}")
                COMP_WORDS+=("${BASH_REMATCH[2]}"); w=${BASH_REMATCH[3]}; whole=0
            done
            if [[ -n $w ]] || (( whole )); then COMP_WORDS+=("$w"); fi
        done
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        _nsx; printf '%s\n' "${COMPREPLY[@]}"
        """#

    /// zsh's completion builtins only work inside a completion widget, so the driver stands
    /// in for them: `compadd` and `_describe` print the candidates matching the word being
    /// completed, `compset -P '*='` drops the `--option=` part, `_files` prints `<file>`.
    /// Run with `zsh -f`.
    public static let zshStubs = #"""
        compdef() { : }
        compset() { cur=${cur#*=} }
        compadd() { [[ $1 == -- ]] && shift; local w; for w in "$@"; do [[ $w == ${cur}* ]] && print -r -- $w; done; return 0 }
        _describe() {
            local w
            for w in "${(@P)argv[-1]}"; do
                w=${w//\\:/$'\1'}; w=${w%%:*}; w=${w//$'\1'/:}
                [[ $w == ${cur}* ]] && print -r -- $w
            done
            return 0
        }
        _files() { print -r -- '<file>' }

        """#

    /// What follows the stubs: source the script and complete the words given.
    public static let zsh = #"source "$0"; words=("$@"); CURRENT=$#words; _nsx"#

    /// `complete -C` asks fish itself what it would offer (sorted, `candidate<TAB>description`).
    /// Run as `fish --no-config -c DRIVER SCRIPT LINE`, LINE being the words joined by blanks.
    public static let fish = "source $argv[1]; complete -C $argv[2]"
}
