# bash completion for nsx, generated from its command tree.

_nsx_takes_value() {
    case "$1:$2" in
        *':--profile'|*':--api-url'|*':--output'|*':-o'|*':--fields'|*':--timeout'|*':--cacert') return 0 ;;
        'nsx login:--email') return 0 ;;
        'nsx tokens list:--env'|'nsx tokens list:--name'|'nsx tokens list:--limit') return 0 ;;
        'nsx tokens create:--name'|'nsx tokens create:--perm'|'nsx tokens create:--for'|'nsx tokens create:--expires'|'nsx tokens create:--save-profile') return 0 ;;
        'nsx tokens rotate:--expires') return 0 ;;
        'nsx tokens audit:--env'|'nsx tokens audit:--unused-for'|'nsx tokens audit:--max-age') return 0 ;;
        'nsx servers list:--region'|'nsx servers list:--status'|'nsx servers list:--name'|'nsx servers list:--limit') return 0 ;;
        'nsx servers create:--name'|'nsx servers create:--region'|'nsx servers create:--plan'|'nsx servers create:--label'|'nsx servers create:--wait-timeout') return 0 ;;
        'nsx servers update:--name'|'nsx servers update:--label'|'nsx servers update:--remove-label') return 0 ;;
        'nsx instances list:--server'|'nsx instances list:--status'|'nsx instances list:--name'|'nsx instances list:--limit') return 0 ;;
        'nsx instances create:--name'|'nsx instances create:--server'|'nsx instances create:--image') return 0 ;;
        'nsx instances update:--name') return 0 ;;
        'nsx instances start:--wait-timeout') return 0 ;;
        'nsx instances stop:--wait-timeout') return 0 ;;
        'nsx instances restart:--wait-timeout') return 0 ;;
        'nsx backups list:--instance'|'nsx backups list:--status'|'nsx backups list:--limit') return 0 ;;
        'nsx backups create:--instance'|'nsx backups create:--name'|'nsx backups create:--wait-timeout') return 0 ;;
        'nsx backups restore:--instance'|'nsx backups restore:--wait-timeout') return 0 ;;
        'nsx api:--method'|'nsx api:-X'|'nsx api:--raw-field'|'nsx api:-f'|'nsx api:--field'|'nsx api:-F'|'nsx api:--input'|'nsx api:--header'|'nsx api:-H') return 0 ;;
        *) return 1 ;;
    esac
}

_nsx_step() {
    case "$cmd:$1" in
        'nsx:login') cmd='nsx login' ;;
        'nsx:logout') cmd='nsx logout' ;;
        'nsx:auth') cmd='nsx auth' ;;
        'nsx:tokens') cmd='nsx tokens' ;;
        'nsx:servers') cmd='nsx servers' ;;
        'nsx:instances') cmd='nsx instances' ;;
        'nsx:backups') cmd='nsx backups' ;;
        'nsx:settings') cmd='nsx settings' ;;
        'nsx:api') cmd='nsx api' ;;
        'nsx:config') cmd='nsx config' ;;
        'nsx:completion') cmd='nsx completion' ;;
        'nsx:doctor') cmd='nsx doctor' ;;
        'nsx:help') cmd='nsx help' ;;
        'nsx:version') cmd='nsx version' ;;
        'nsx:man') cmd='nsx man' ;;
        'nsx:__complete') cmd='nsx __complete' ;;
        'nsx auth:status') cmd='nsx auth status' ;;
        'nsx auth:token') cmd='nsx auth token' ;;
        'nsx auth:refresh') cmd='nsx auth refresh' ;;
        'nsx auth:list') cmd='nsx auth list' ;;
        'nsx auth:ls') cmd='nsx auth list' ;;
        'nsx auth:switch') cmd='nsx auth switch' ;;
        'nsx tokens:list') cmd='nsx tokens list' ;;
        'nsx tokens:ls') cmd='nsx tokens list' ;;
        'nsx tokens:create') cmd='nsx tokens create' ;;
        'nsx tokens:show') cmd='nsx tokens show' ;;
        'nsx tokens:get') cmd='nsx tokens show' ;;
        'nsx tokens:revoke') cmd='nsx tokens revoke' ;;
        'nsx tokens:delete') cmd='nsx tokens revoke' ;;
        'nsx tokens:rotate') cmd='nsx tokens rotate' ;;
        'nsx tokens:audit') cmd='nsx tokens audit' ;;
        'nsx tokens:scan') cmd='nsx tokens scan' ;;
        'nsx servers:list') cmd='nsx servers list' ;;
        'nsx servers:ls') cmd='nsx servers list' ;;
        'nsx servers:get') cmd='nsx servers get' ;;
        'nsx servers:show') cmd='nsx servers get' ;;
        'nsx servers:create') cmd='nsx servers create' ;;
        'nsx servers:update') cmd='nsx servers update' ;;
        'nsx servers:delete') cmd='nsx servers delete' ;;
        'nsx servers:rm') cmd='nsx servers delete' ;;
        'nsx instances:list') cmd='nsx instances list' ;;
        'nsx instances:ls') cmd='nsx instances list' ;;
        'nsx instances:get') cmd='nsx instances get' ;;
        'nsx instances:show') cmd='nsx instances get' ;;
        'nsx instances:create') cmd='nsx instances create' ;;
        'nsx instances:update') cmd='nsx instances update' ;;
        'nsx instances:delete') cmd='nsx instances delete' ;;
        'nsx instances:rm') cmd='nsx instances delete' ;;
        'nsx instances:start') cmd='nsx instances start' ;;
        'nsx instances:stop') cmd='nsx instances stop' ;;
        'nsx instances:restart') cmd='nsx instances restart' ;;
        'nsx backups:list') cmd='nsx backups list' ;;
        'nsx backups:ls') cmd='nsx backups list' ;;
        'nsx backups:get') cmd='nsx backups get' ;;
        'nsx backups:show') cmd='nsx backups get' ;;
        'nsx backups:create') cmd='nsx backups create' ;;
        'nsx backups:delete') cmd='nsx backups delete' ;;
        'nsx backups:rm') cmd='nsx backups delete' ;;
        'nsx backups:restore') cmd='nsx backups restore' ;;
        'nsx settings:get') cmd='nsx settings get' ;;
        'nsx settings:set') cmd='nsx settings set' ;;
        'nsx config:list') cmd='nsx config list' ;;
        'nsx config:ls') cmd='nsx config list' ;;
        'nsx config:get') cmd='nsx config get' ;;
        'nsx config:set') cmd='nsx config set' ;;
        'nsx config:path') cmd='nsx config path' ;;
        *) return 1 ;;
    esac
}

_nsx_values() {
    case "$1:$2" in
        *':--profile') _nsx_dynamic 'profiles' "$3" "$4" ;;
        *':--output'|*':-o') COMPREPLY=($(compgen -P "$4" -W 'table json ndjson csv yaml' -- "$3")) ;;
        *':--cacert') compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -P "$4" -f -- "$3")) ;;
        'nsx tokens list:--env') COMPREPLY=($(compgen -P "$4" -W 'live test' -- "$3")) ;;
        'nsx tokens create:--perm') _nsx_dynamic 'permissions' "$3" "$4" ;;
        'nsx tokens create:--save-profile') _nsx_dynamic 'profiles' "$3" "$4" ;;
        'nsx tokens audit:--env') COMPREPLY=($(compgen -P "$4" -W 'live test' -- "$3")) ;;
        'nsx servers list:--region') COMPREPLY=($(compgen -P "$4" -W 'us-east us-west eu-central ap-southeast' -- "$3")) ;;
        'nsx servers list:--status') COMPREPLY=($(compgen -P "$4" -W 'provisioning active maintenance' -- "$3")) ;;
        'nsx servers create:--region') COMPREPLY=($(compgen -P "$4" -W 'us-east us-west eu-central ap-southeast' -- "$3")) ;;
        'nsx servers create:--plan') COMPREPLY=($(compgen -P "$4" -W 'basic-1 standard-2 performance-4 performance-8' -- "$3")) ;;
        'nsx instances list:--server') _nsx_dynamic 'servers' "$3" "$4" ;;
        'nsx instances list:--status') COMPREPLY=($(compgen -P "$4" -W 'stopped starting running stopping restarting restoring' -- "$3")) ;;
        'nsx instances create:--server') _nsx_dynamic 'servers' "$3" "$4" ;;
        'nsx backups list:--instance') _nsx_dynamic 'instances' "$3" "$4" ;;
        'nsx backups list:--status') COMPREPLY=($(compgen -P "$4" -W 'pending completed failed restoring' -- "$3")) ;;
        'nsx backups create:--instance') _nsx_dynamic 'instances' "$3" "$4" ;;
        'nsx backups restore:--instance') _nsx_dynamic 'instances' "$3" "$4" ;;
        'nsx api:--input') compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -P "$4" -f -- "$3")) ;;
    esac
}

_nsx_options() {
    local words='--api-url --cacert --fields --help --json --no-color --no-headers --no-input --output --profile --quiet --test --timeout --verbose --yes'
    case "$1" in
        'nsx') words+=' --version' ;;
        'nsx login') words+=' --email --insecure-storage --password-stdin --with-token' ;;
        'nsx logout') words+=' --all' ;;
        'nsx tokens list') words+=' --all --env --include-revoked --limit --name' ;;
        'nsx tokens create') words+=' --expires --for --name --perm --read-only --save --save-profile' ;;
        'nsx tokens rotate') words+=' --expires' ;;
        'nsx tokens audit') words+=' --env --fail --max-age --unused-for' ;;
        'nsx tokens scan') words+=' --binary --no-ignore --revoke --staged' ;;
        'nsx servers list') words+=' --all --limit --name --region --status' ;;
        'nsx servers create') words+=' --label --name --plan --region --wait --wait-timeout' ;;
        'nsx servers update') words+=' --label --name --remove-label' ;;
        'nsx instances list') words+=' --all --limit --name --server --status' ;;
        'nsx instances create') words+=' --image --name --server' ;;
        'nsx instances update') words+=' --name' ;;
        'nsx instances start') words+=' --wait --wait-timeout' ;;
        'nsx instances stop') words+=' --wait --wait-timeout' ;;
        'nsx instances restart') words+=' --wait --wait-timeout' ;;
        'nsx backups list') words+=' --all --instance --limit --status' ;;
        'nsx backups create') words+=' --instance --name --wait --wait-timeout' ;;
        'nsx backups restore') words+=' --instance --wait --wait-timeout' ;;
        'nsx api') words+=' --field --header --include --input --method --paginate --raw-field' ;;
        'nsx man') words+=' --list' ;;
    esac
    COMPREPLY=($(compgen -W "$words" -- "$2"))
}

_nsx_words() {
    case "$1" in
        'nsx') COMPREPLY=($(compgen -W 'login logout auth tokens servers instances backups settings api config completion doctor help version' -- "$3")) ;;
        'nsx auth') COMPREPLY=($(compgen -W 'status token refresh list switch' -- "$3")) ;;
        'nsx auth switch') if (( $2 == 0 )); then _nsx_dynamic 'profiles' "$3" ''; fi ;;
        'nsx tokens') COMPREPLY=($(compgen -W 'list create show revoke rotate audit scan' -- "$3")) ;;
        'nsx tokens show') if (( $2 == 0 )); then _nsx_dynamic 'tokens' "$3" ''; fi ;;
        'nsx tokens revoke') if (( $2 >= 0 )); then _nsx_dynamic 'tokens' "$3" ''; fi ;;
        'nsx tokens rotate') if (( $2 == 0 )); then _nsx_dynamic 'tokens' "$3" ''; fi ;;
        'nsx servers') COMPREPLY=($(compgen -W 'list get create update delete' -- "$3")) ;;
        'nsx servers get') if (( $2 == 0 )); then _nsx_dynamic 'servers' "$3" ''; fi ;;
        'nsx servers update') if (( $2 == 0 )); then _nsx_dynamic 'servers' "$3" ''; fi ;;
        'nsx servers delete') if (( $2 >= 0 )); then _nsx_dynamic 'servers' "$3" ''; fi ;;
        'nsx instances') COMPREPLY=($(compgen -W 'list get create update delete start stop restart' -- "$3")) ;;
        'nsx instances get') if (( $2 == 0 )); then _nsx_dynamic 'instances' "$3" ''; fi ;;
        'nsx instances update') if (( $2 == 0 )); then _nsx_dynamic 'instances' "$3" ''; fi ;;
        'nsx instances delete') if (( $2 >= 0 )); then _nsx_dynamic 'instances' "$3" ''; fi ;;
        'nsx instances start') if (( $2 >= 0 )); then _nsx_dynamic 'instances' "$3" ''; fi ;;
        'nsx instances stop') if (( $2 >= 0 )); then _nsx_dynamic 'instances' "$3" ''; fi ;;
        'nsx instances restart') if (( $2 >= 0 )); then _nsx_dynamic 'instances' "$3" ''; fi ;;
        'nsx backups') COMPREPLY=($(compgen -W 'list get create delete restore' -- "$3")) ;;
        'nsx backups get') if (( $2 == 0 )); then _nsx_dynamic 'backups' "$3" ''; fi ;;
        'nsx backups delete') if (( $2 >= 0 )); then _nsx_dynamic 'backups' "$3" ''; fi ;;
        'nsx backups restore') if (( $2 == 0 )); then _nsx_dynamic 'backups' "$3" ''; fi ;;
        'nsx settings') COMPREPLY=($(compgen -W 'get set' -- "$3")) ;;
        'nsx config') COMPREPLY=($(compgen -W 'list get set path' -- "$3")) ;;
        'nsx config get') if (( $2 == 0 )); then COMPREPLY=($(compgen -W 'api_url output color profile' -- "$3")); fi ;;
        'nsx config set') if (( $2 == 0 )); then COMPREPLY=($(compgen -W 'api_url output color profile' -- "$3")); fi ;;
        'nsx completion') if (( $2 == 0 )); then COMPREPLY=($(compgen -W 'bash zsh fish' -- "$3")); fi ;;
    esac
}

# The words as typed, in typed[0…at]: bash splits --opt=value and a:b at the characters
# of COMP_WORDBREAKS; pieces with no blank between them in COMP_LINE are one word again.
_nsx_join() {
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
_nsx_unbreak() {
    [[ -n $COMP_WORDBREAKS && $1 == *[$COMP_WORDBREAKS]* ]] || return 0
    local keep=${1%"${1##*[$COMP_WORDBREAKS]}"}
    COMPREPLY=("${COMPREPLY[@]#"$keep"}")
}

# Live values from nsx itself: $1 what, $2 the word typed, $3 a prefix to keep.
_nsx_dynamic() {
    local line value
    while IFS= read -r line; do
        value=${line%%$'\t'*}
        [[ $value == "$2"* ]] || continue
        [[ $value == *[!A-Za-z0-9_.:,=@%+/-]* ]] && printf -v value '%q' "$value"
        COMPREPLY+=("$3$value")
    done < <("${typed[0]}" __complete "$1" -- "$2" "${typed[@]:1:at-1}" 2>/dev/null)
}

_nsx() {
    local -a typed
    local -i at
    _nsx_join
    local cur=${typed[at]} cmd='nsx' word option=''
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
            --*) if _nsx_takes_value "$cmd" "$word"; then expect=1; option="$word"; fi ;;
            -?*)
                for (( j = 1; j < ${#word}; j++ )); do
                    if _nsx_takes_value "$cmd" "-${word:j:1}"; then
                        if (( j == ${#word} - 1 )); then expect=1; option="-${word:j:1}"; fi
                        break
                    fi
                done ;;
            *) _nsx_step "$word" || positional+=1 ;;
        esac
    done
    COMPREPLY=()
    if [[ $cur == "=" ]] && (( expect )); then cur=''; fi
    if (( expect )); then
        _nsx_values "$cmd" "$option" "$cur" ''
    elif (( ! ended )) && [[ $cur == --*=* ]]; then
        _nsx_values "$cmd" "${cur%%=*}" "${cur#*=}" "${cur%%=*}="
    elif (( ! ended )) && [[ $cur == -* ]]; then
        _nsx_options "$cmd" "$cur"
    else
        _nsx_words "$cmd" "$positional" "$cur"
    fi
    _nsx_unbreak "$cur"
    return 0
}

complete -F _nsx nsx
