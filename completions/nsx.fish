# fish completion for nsx, generated from its command tree.

function __nsx_takes_value
    switch "$argv[1]:$argv[2]"
        case '*:--profile' '*:--api-url' '*:--output' '*:-o' '*:--fields' '*:--timeout' '*:--cacert' 'nsx login:--email' 'nsx tokens list:--env' 'nsx tokens list:--name' 'nsx tokens list:--limit' 'nsx tokens create:--name' 'nsx tokens create:--perm' 'nsx tokens create:--for' 'nsx tokens create:--expires' 'nsx tokens create:--save-profile' 'nsx tokens rotate:--expires' 'nsx tokens audit:--env' 'nsx tokens audit:--unused-for' 'nsx tokens audit:--max-age' 'nsx servers list:--region' 'nsx servers list:--status' 'nsx servers list:--name' 'nsx servers list:--limit' 'nsx servers create:--name' 'nsx servers create:--region' 'nsx servers create:--plan' 'nsx servers create:--label' 'nsx servers create:--wait-timeout' 'nsx servers update:--name' 'nsx servers update:--label' 'nsx servers update:--remove-label' 'nsx instances list:--server' 'nsx instances list:--status' 'nsx instances list:--name' 'nsx instances list:--limit' 'nsx instances create:--name' 'nsx instances create:--server' 'nsx instances create:--image' 'nsx instances update:--name' 'nsx instances start:--wait-timeout' 'nsx instances stop:--wait-timeout' 'nsx instances restart:--wait-timeout' 'nsx backups list:--instance' 'nsx backups list:--status' 'nsx backups list:--limit' 'nsx backups create:--instance' 'nsx backups create:--name' 'nsx backups create:--wait-timeout' 'nsx backups restore:--instance' 'nsx backups restore:--wait-timeout' 'nsx api:--method' 'nsx api:-X' 'nsx api:--raw-field' 'nsx api:-f' 'nsx api:--field' 'nsx api:-F' 'nsx api:--input' 'nsx api:--header' 'nsx api:-H'
            return 0
    end
    return 1
end

function __nsx_step
    switch "$argv[1]:$argv[2]"
        case 'nsx:login'
            echo 'nsx login'
        case 'nsx:logout'
            echo 'nsx logout'
        case 'nsx:auth'
            echo 'nsx auth'
        case 'nsx:tokens'
            echo 'nsx tokens'
        case 'nsx:servers'
            echo 'nsx servers'
        case 'nsx:instances'
            echo 'nsx instances'
        case 'nsx:backups'
            echo 'nsx backups'
        case 'nsx:settings'
            echo 'nsx settings'
        case 'nsx:api'
            echo 'nsx api'
        case 'nsx:config'
            echo 'nsx config'
        case 'nsx:completion'
            echo 'nsx completion'
        case 'nsx:doctor'
            echo 'nsx doctor'
        case 'nsx:help'
            echo 'nsx help'
        case 'nsx:version'
            echo 'nsx version'
        case 'nsx:man'
            echo 'nsx man'
        case 'nsx:__complete'
            echo 'nsx __complete'
        case 'nsx auth:status'
            echo 'nsx auth status'
        case 'nsx auth:token'
            echo 'nsx auth token'
        case 'nsx auth:refresh'
            echo 'nsx auth refresh'
        case 'nsx auth:list'
            echo 'nsx auth list'
        case 'nsx auth:ls'
            echo 'nsx auth list'
        case 'nsx auth:switch'
            echo 'nsx auth switch'
        case 'nsx tokens:list'
            echo 'nsx tokens list'
        case 'nsx tokens:ls'
            echo 'nsx tokens list'
        case 'nsx tokens:create'
            echo 'nsx tokens create'
        case 'nsx tokens:show'
            echo 'nsx tokens show'
        case 'nsx tokens:get'
            echo 'nsx tokens show'
        case 'nsx tokens:revoke'
            echo 'nsx tokens revoke'
        case 'nsx tokens:delete'
            echo 'nsx tokens revoke'
        case 'nsx tokens:rotate'
            echo 'nsx tokens rotate'
        case 'nsx tokens:audit'
            echo 'nsx tokens audit'
        case 'nsx tokens:scan'
            echo 'nsx tokens scan'
        case 'nsx servers:list'
            echo 'nsx servers list'
        case 'nsx servers:ls'
            echo 'nsx servers list'
        case 'nsx servers:get'
            echo 'nsx servers get'
        case 'nsx servers:show'
            echo 'nsx servers get'
        case 'nsx servers:create'
            echo 'nsx servers create'
        case 'nsx servers:update'
            echo 'nsx servers update'
        case 'nsx servers:delete'
            echo 'nsx servers delete'
        case 'nsx servers:rm'
            echo 'nsx servers delete'
        case 'nsx instances:list'
            echo 'nsx instances list'
        case 'nsx instances:ls'
            echo 'nsx instances list'
        case 'nsx instances:get'
            echo 'nsx instances get'
        case 'nsx instances:show'
            echo 'nsx instances get'
        case 'nsx instances:create'
            echo 'nsx instances create'
        case 'nsx instances:update'
            echo 'nsx instances update'
        case 'nsx instances:delete'
            echo 'nsx instances delete'
        case 'nsx instances:rm'
            echo 'nsx instances delete'
        case 'nsx instances:start'
            echo 'nsx instances start'
        case 'nsx instances:stop'
            echo 'nsx instances stop'
        case 'nsx instances:restart'
            echo 'nsx instances restart'
        case 'nsx backups:list'
            echo 'nsx backups list'
        case 'nsx backups:ls'
            echo 'nsx backups list'
        case 'nsx backups:get'
            echo 'nsx backups get'
        case 'nsx backups:show'
            echo 'nsx backups get'
        case 'nsx backups:create'
            echo 'nsx backups create'
        case 'nsx backups:delete'
            echo 'nsx backups delete'
        case 'nsx backups:rm'
            echo 'nsx backups delete'
        case 'nsx backups:restore'
            echo 'nsx backups restore'
        case 'nsx settings:get'
            echo 'nsx settings get'
        case 'nsx settings:set'
            echo 'nsx settings set'
        case 'nsx config:list'
            echo 'nsx config list'
        case 'nsx config:ls'
            echo 'nsx config list'
        case 'nsx config:get'
            echo 'nsx config get'
        case 'nsx config:set'
            echo 'nsx config set'
        case 'nsx config:path'
            echo 'nsx config path'
        case '*'
            return 1
    end
end

# Prints the command reached by the words before the cursor, then how many
# positional words it has been given.
function __nsx_state
    set -l cmd nsx
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
            __nsx_takes_value $cmd $word; and set expect 1
        else if string match -q -- '-?*' $word
            set -l letters (string split '' -- (string sub -s 2 -- $word))
            for j in (seq (count $letters))
                if __nsx_takes_value $cmd -$letters[$j]
                    test $j -eq (count $letters); and set expect 1
                    break
                end
            end
        else if set next (__nsx_step $cmd $word)
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
function __nsx_at
    set -l state (__nsx_state)
    test "$state[1]" = "$argv[1]"; or return 1
    set -q argv[2]; or return 0
    test $state[2] -ge $argv[2]; or return 1
    test $argv[3] -lt 0; or test $state[2] -le $argv[3]
end

# True anywhere below command $argv[1].
function __nsx_below
    set -l state (__nsx_state)
    string match -q -- "$argv[1] *" "$state[1]"
end

# Live values from nsx itself ($argv[1]: what). Each line it prints is a value, then
# a tab and a description; --opt=value is completed by its value.
function __nsx_dynamic
    set -l typed (commandline -opc)
    set -l token (string replace -r -- '^--[^=]*=' '' (commandline -ct))
    $typed[1] __complete $argv[1] -- "$token" $typed[2..-1] 2>/dev/null
end

complete -c nsx -f
complete -c nsx -n "__nsx_at nsx" -a login -d 'Log in and keep the credential in the GNOME keyring'
complete -c nsx -n "__nsx_at nsx" -a logout -d 'End the session and remove the stored credential'
complete -c nsx -n "__nsx_at nsx" -a auth -d 'See and manage the credential nsx uses'
complete -c nsx -n "__nsx_at nsx" -a tokens -d 'Create, list, show, revoke, rotate, audit and scan for API tokens'
complete -c nsx -n "__nsx_at nsx" -a servers -d 'Manage servers'
complete -c nsx -n "__nsx_at nsx" -a instances -d 'Manage instances, and start, stop or restart them'
complete -c nsx -n "__nsx_at nsx" -a backups -d 'Manage backups and restore them'
complete -c nsx -n "__nsx_at nsx" -a settings -d 'See and change account settings'
complete -c nsx -n "__nsx_at nsx" -a api -d 'Make an authenticated request to any API path'
complete -c nsx -n "__nsx_at nsx" -a config -d 'See and change nsx settings'
complete -c nsx -n "__nsx_at nsx" -a completion -d 'Print a shell completion script'
complete -c nsx -n "__nsx_at nsx" -a doctor -d 'Check the config folder, keyring, credential and API, with fixes'
complete -c nsx -n "__nsx_at nsx" -a help -d 'Show help for a command, or on exit codes, environment, formatting or permissions'
complete -c nsx -n "__nsx_at nsx" -a version -d 'Print the nsx version, commit and build date'
complete -c nsx -n "__nsx_at 'nsx auth'" -a status -d 'Show who you are logged in as, and how'
complete -c nsx -n "__nsx_at 'nsx auth'" -a token -d 'Print the active secret, for scripts'
complete -c nsx -n "__nsx_at 'nsx auth'" -a refresh -d 'Renew the session now'
complete -c nsx -n "__nsx_at 'nsx auth'" -a list -d 'List every stored profile; * marks the active one'
complete -c nsx -n "__nsx_at 'nsx auth'" -a switch -d 'Make another stored login the default profile'
complete -c nsx -n "__nsx_at 'nsx auth switch' 0 0" -a '(__nsx_dynamic profiles)'
complete -c nsx -n "__nsx_at 'nsx tokens'" -a list -d 'List API tokens'
complete -c nsx -n "__nsx_at 'nsx tokens'" -a create -d 'Create a scoped API token (shown once)'
complete -c nsx -n "__nsx_at 'nsx tokens'" -a show -d 'Show one API token'
complete -c nsx -n "__nsx_at 'nsx tokens'" -a revoke -d 'Revoke API tokens at once'
complete -c nsx -n "__nsx_at 'nsx tokens'" -a rotate -d 'Replace a token with a new one and revoke the old'
complete -c nsx -n "__nsx_at 'nsx tokens'" -a audit -d 'Find stale, unused, immortal and over-broad tokens'
complete -c nsx -n "__nsx_at 'nsx tokens'" -a scan -d 'Find API tokens in files, and whose they are'
complete -c nsx -n "__nsx_at 'nsx tokens show' 0 0" -a '(__nsx_dynamic tokens)'
complete -c nsx -n "__nsx_at 'nsx tokens revoke' 0 -1" -a '(__nsx_dynamic tokens)'
complete -c nsx -n "__nsx_at 'nsx tokens rotate' 0 0" -a '(__nsx_dynamic tokens)'
complete -c nsx -n "__nsx_at 'nsx servers'" -a list -d 'List servers'
complete -c nsx -n "__nsx_at 'nsx servers'" -a get -d 'Show a server'
complete -c nsx -n "__nsx_at 'nsx servers'" -a create -d 'Create a server'
complete -c nsx -n "__nsx_at 'nsx servers'" -a update -d 'Rename a server or change its labels'
complete -c nsx -n "__nsx_at 'nsx servers'" -a delete -d 'Delete servers'
complete -c nsx -n "__nsx_at 'nsx servers get' 0 0" -a '(__nsx_dynamic servers)'
complete -c nsx -n "__nsx_at 'nsx servers update' 0 0" -a '(__nsx_dynamic servers)'
complete -c nsx -n "__nsx_at 'nsx servers delete' 0 -1" -a '(__nsx_dynamic servers)'
complete -c nsx -n "__nsx_at 'nsx instances'" -a list -d 'List instances'
complete -c nsx -n "__nsx_at 'nsx instances'" -a get -d 'Show an instance'
complete -c nsx -n "__nsx_at 'nsx instances'" -a create -d 'Create an instance (it starts stopped)'
complete -c nsx -n "__nsx_at 'nsx instances'" -a update -d 'Rename an instance'
complete -c nsx -n "__nsx_at 'nsx instances'" -a delete -d 'Delete stopped instances'
complete -c nsx -n "__nsx_at 'nsx instances'" -a start -d 'Start instances'
complete -c nsx -n "__nsx_at 'nsx instances'" -a stop -d 'Stop instances'
complete -c nsx -n "__nsx_at 'nsx instances'" -a restart -d 'Restart running instances'
complete -c nsx -n "__nsx_at 'nsx instances get' 0 0" -a '(__nsx_dynamic instances)'
complete -c nsx -n "__nsx_at 'nsx instances update' 0 0" -a '(__nsx_dynamic instances)'
complete -c nsx -n "__nsx_at 'nsx instances delete' 0 -1" -a '(__nsx_dynamic instances)'
complete -c nsx -n "__nsx_at 'nsx instances start' 0 -1" -a '(__nsx_dynamic instances)'
complete -c nsx -n "__nsx_at 'nsx instances stop' 0 -1" -a '(__nsx_dynamic instances)'
complete -c nsx -n "__nsx_at 'nsx instances restart' 0 -1" -a '(__nsx_dynamic instances)'
complete -c nsx -n "__nsx_at 'nsx backups'" -a list -d 'List backups'
complete -c nsx -n "__nsx_at 'nsx backups'" -a get -d 'Show a backup'
complete -c nsx -n "__nsx_at 'nsx backups'" -a create -d 'Back up an instance'
complete -c nsx -n "__nsx_at 'nsx backups'" -a delete -d 'Delete backups'
complete -c nsx -n "__nsx_at 'nsx backups'" -a restore -d 'Restore a backup onto its instance (or another)'
complete -c nsx -n "__nsx_at 'nsx backups get' 0 0" -a '(__nsx_dynamic backups)'
complete -c nsx -n "__nsx_at 'nsx backups delete' 0 -1" -a '(__nsx_dynamic backups)'
complete -c nsx -n "__nsx_at 'nsx backups restore' 0 0" -a '(__nsx_dynamic backups)'
complete -c nsx -n "__nsx_at 'nsx settings'" -a get -d 'Show account settings'
complete -c nsx -n "__nsx_at 'nsx settings'" -a set -d 'Change account settings'
complete -c nsx -n "__nsx_at 'nsx config'" -a list -d 'Show every setting'
complete -c nsx -n "__nsx_at 'nsx config'" -a get -d 'Show one setting'
complete -c nsx -n "__nsx_at 'nsx config'" -a set -d 'Change a setting'
complete -c nsx -n "__nsx_at 'nsx config'" -a path -d 'Print where the config folder is'
complete -c nsx -n "__nsx_at 'nsx config get' 0 0" -a 'api_url output color profile'
complete -c nsx -n "__nsx_at 'nsx config set' 0 0" -a 'api_url output color profile'
complete -c nsx -n "__nsx_at 'nsx completion' 0 0" -a 'bash zsh fish'
complete -c nsx -l profile -x -a '(__nsx_dynamic profiles)' -d 'Which stored login to use'
complete -c nsx -l api-url -x -d 'API base URL'
complete -c nsx -s o -l output -x -a 'table json ndjson csv yaml' -d 'Output format'
complete -c nsx -l json -d 'Same as --output json'
complete -c nsx -l fields -x -d 'Columns or keys to show, in that order'
complete -c nsx -l no-headers -d 'Print tables and CSV without the header row'
complete -c nsx -s q -l quiet -d 'Print only IDs, one per line'
complete -c nsx -l no-color -d 'No ANSI colour (colour is only ever used on a terminal)'
complete -c nsx -l test -d 'Work in the test environment'
complete -c nsx -s v -l verbose -d 'Trace HTTP on stderr, credentials redacted'
complete -c nsx -l timeout -x -d 'Time limit for each HTTP attempt'
complete -c nsx -l cacert -r -F -d 'Trust this CA certificate as well (TLS is always verified)'
complete -c nsx -s y -l yes -d 'Answer yes to confirmations'
complete -c nsx -l no-input -d 'Never prompt, even on a terminal'
complete -c nsx -s h -l help -d 'Show help for command'
complete -c nsx -n "__nsx_at nsx" -l version -d 'Show nsx version'
complete -c nsx -n "__nsx_at 'nsx login'" -l email -x -d 'Account email (asked on a terminal when left out)'
complete -c nsx -n "__nsx_at 'nsx login'" -l password-stdin -d 'Read the password from standard input'
complete -c nsx -n "__nsx_at 'nsx login'" -l with-token -d 'Read an API token (nsx_live_… or nsx_test_…) from standard input'
complete -c nsx -n "__nsx_at 'nsx login'" -l insecure-storage -d 'Keep the secret in a 0600 file instead of the keyring'
complete -c nsx -n "__nsx_at 'nsx logout'" -l all -d 'Log out of every profile'
complete -c nsx -n "__nsx_at 'nsx tokens list'" -l env -x -a 'live test' -d 'Only tokens of this environment'
complete -c nsx -n "__nsx_at 'nsx tokens list'" -l name -x -d 'Only items with exactly this name'
complete -c nsx -n "__nsx_at 'nsx tokens list'" -l include-revoked -d 'Include revoked tokens'
complete -c nsx -n "__nsx_at 'nsx tokens list'" -l all -d 'Fetch every page'
complete -c nsx -n "__nsx_at 'nsx tokens list'" -l limit -x -d 'Show at most N items (fetching more pages as needed)'
complete -c nsx -n "__nsx_at 'nsx tokens create'" -l name -x -d 'A descriptive name (1–100 characters)'
complete -c nsx -n "__nsx_at 'nsx tokens create'" -l perm -x -a '(__nsx_dynamic permissions)' -d 'Grant a permission, comma list or wildcard (repeatable)'
complete -c nsx -n "__nsx_at 'nsx tokens create'" -l read-only -d 'Grant every :read permission'
complete -c nsx -n "__nsx_at 'nsx tokens create'" -l for -x -d 'Grant what this nsx command needs, e.g. "servers list" (repeatable)'
complete -c nsx -n "__nsx_at 'nsx tokens create'" -l expires -x -d '30d, 12h, a date (2027-01-31), an RFC 3339 time, or never'
complete -c nsx -n "__nsx_at 'nsx tokens create'" -l save -d 'Store the token as a profile\'s credential instead of printing it'
complete -c nsx -n "__nsx_at 'nsx tokens create'" -l save-profile -x -a '(__nsx_dynamic profiles)' -d 'The profile --save stores into (implies --save; default: the token\'s name)'
complete -c nsx -n "__nsx_at 'nsx tokens rotate'" -l expires -x -d 'When the new token expires: 30d, 12h, a date (2027-01-31, through its end in UTC), an RFC 3339 time, or never (default: as long as the old one lived)'
complete -c nsx -n "__nsx_at 'nsx tokens audit'" -l env -x -a 'live test' -d 'Only tokens of this environment'
complete -c nsx -n "__nsx_at 'nsx tokens audit'" -l unused-for -x -d 'A token unused this long should be revoked'
complete -c nsx -n "__nsx_at 'nsx tokens audit'" -l max-age -x -d 'A token older than this should be rotated'
complete -c nsx -n "__nsx_at 'nsx tokens audit'" -l fail -d 'Exit 10 when anything is found'
complete -c nsx -n "__nsx_at 'nsx tokens scan'" -l staged -d 'Scan what `git commit` would add (git diff --cached)'
complete -c nsx -n "__nsx_at 'nsx tokens scan'" -l revoke -d 'Revoke the matched active tokens (asks first; --yes for scripts)'
complete -c nsx -n "__nsx_at 'nsx tokens scan'" -l binary -d 'Scan binary files too'
complete -c nsx -n "__nsx_at 'nsx tokens scan'" -l no-ignore -d 'Scan files .gitignore excludes too'
complete -c nsx -n "__nsx_at 'nsx servers list'" -l region -x -a 'us-east us-west eu-central ap-southeast' -d 'Only servers in this region'
complete -c nsx -n "__nsx_at 'nsx servers list'" -l status -x -a 'provisioning active maintenance' -d 'Only servers with this status'
complete -c nsx -n "__nsx_at 'nsx servers list'" -l name -x -d 'Only items with exactly this name'
complete -c nsx -n "__nsx_at 'nsx servers list'" -l limit -x -d 'Show at most N items (fetching more pages as needed)'
complete -c nsx -n "__nsx_at 'nsx servers list'" -l all -d 'Fetch every page'
complete -c nsx -n "__nsx_at 'nsx servers create'" -l name -x -d '1–63 of a-z, 0-9 and -, unique'
complete -c nsx -n "__nsx_at 'nsx servers create'" -l region -x -a 'us-east us-west eu-central ap-southeast' -d 'Region'
complete -c nsx -n "__nsx_at 'nsx servers create'" -l plan -x -a 'basic-1 standard-2 performance-4 performance-8' -d 'Plan'
complete -c nsx -n "__nsx_at 'nsx servers create'" -l label -x -d 'A label'
complete -c nsx -n "__nsx_at 'nsx servers create'" -l wait -d 'Wait until the action has finished, showing progress on a terminal'
complete -c nsx -n "__nsx_at 'nsx servers create'" -l wait-timeout -x -d 'Give up waiting after this long (exit 9)'
complete -c nsx -n "__nsx_at 'nsx servers update'" -l name -x -d 'New name'
complete -c nsx -n "__nsx_at 'nsx servers update'" -l label -x -d 'Set a label'
complete -c nsx -n "__nsx_at 'nsx servers update'" -l remove-label -x -d 'Remove a label'
complete -c nsx -n "__nsx_at 'nsx instances list'" -l server -x -a '(__nsx_dynamic servers)' -d 'Only instances on this server'
complete -c nsx -n "__nsx_at 'nsx instances list'" -l status -x -a 'stopped starting running stopping restarting restoring' -d 'Only instances with this status'
complete -c nsx -n "__nsx_at 'nsx instances list'" -l name -x -d 'Only items with exactly this name'
complete -c nsx -n "__nsx_at 'nsx instances list'" -l limit -x -d 'Show at most N items (fetching more pages as needed)'
complete -c nsx -n "__nsx_at 'nsx instances list'" -l all -d 'Fetch every page'
complete -c nsx -n "__nsx_at 'nsx instances create'" -l name -x -d '1–63 of a-z, 0-9 and -, unique'
complete -c nsx -n "__nsx_at 'nsx instances create'" -l server -x -a '(__nsx_dynamic servers)' -d 'The server it runs on'
complete -c nsx -n "__nsx_at 'nsx instances create'" -l image -x -d 'Image, e.g. ubuntu-24.04'
complete -c nsx -n "__nsx_at 'nsx instances update'" -l name -x -d 'New name'
complete -c nsx -n "__nsx_at 'nsx instances start'" -l wait -d 'Wait until the action has finished, showing progress on a terminal'
complete -c nsx -n "__nsx_at 'nsx instances start'" -l wait-timeout -x -d 'Give up waiting after this long (exit 9)'
complete -c nsx -n "__nsx_at 'nsx instances stop'" -l wait -d 'Wait until the action has finished, showing progress on a terminal'
complete -c nsx -n "__nsx_at 'nsx instances stop'" -l wait-timeout -x -d 'Give up waiting after this long (exit 9)'
complete -c nsx -n "__nsx_at 'nsx instances restart'" -l wait -d 'Wait until the action has finished, showing progress on a terminal'
complete -c nsx -n "__nsx_at 'nsx instances restart'" -l wait-timeout -x -d 'Give up waiting after this long (exit 9)'
complete -c nsx -n "__nsx_at 'nsx backups list'" -l instance -x -a '(__nsx_dynamic instances)' -d 'Only backups of this instance'
complete -c nsx -n "__nsx_at 'nsx backups list'" -l status -x -a 'pending completed failed restoring' -d 'Only backups with this status'
complete -c nsx -n "__nsx_at 'nsx backups list'" -l limit -x -d 'Show at most N items (fetching more pages as needed)'
complete -c nsx -n "__nsx_at 'nsx backups list'" -l all -d 'Fetch every page'
complete -c nsx -n "__nsx_at 'nsx backups create'" -l instance -x -a '(__nsx_dynamic instances)' -d 'The instance to back up'
complete -c nsx -n "__nsx_at 'nsx backups create'" -l name -x -d 'Backup name (default backup-YYYYMMDD-HHMMSS)'
complete -c nsx -n "__nsx_at 'nsx backups create'" -l wait -d 'Wait until the action has finished, showing progress on a terminal'
complete -c nsx -n "__nsx_at 'nsx backups create'" -l wait-timeout -x -d 'Give up waiting after this long (exit 9)'
complete -c nsx -n "__nsx_at 'nsx backups restore'" -l instance -x -a '(__nsx_dynamic instances)' -d 'Restore onto this instance instead'
complete -c nsx -n "__nsx_at 'nsx backups restore'" -l wait -d 'Wait until the action has finished, showing progress on a terminal'
complete -c nsx -n "__nsx_at 'nsx backups restore'" -l wait-timeout -x -d 'Give up waiting after this long (exit 9)'
complete -c nsx -n "__nsx_at 'nsx api'" -s X -l method -x -d 'The HTTP method (as METHOD before PATH)'
complete -c nsx -n "__nsx_at 'nsx api'" -s f -l raw-field -x -d 'Add a string field'
complete -c nsx -n "__nsx_at 'nsx api'" -s F -l field -x -d 'Add a typed field'
complete -c nsx -n "__nsx_at 'nsx api'" -l input -r -F -d 'Request body from a file, or - for stdin'
complete -c nsx -n "__nsx_at 'nsx api'" -s H -l header -x -d 'Add a request header'
complete -c nsx -n "__nsx_at 'nsx api'" -l paginate -d 'Fetch every page; print one array of every page\'s data'
complete -c nsx -n "__nsx_at 'nsx api'" -s i -l include -d 'Print the status line and headers too'
complete -c nsx -n "__nsx_at 'nsx man'" -l list -d 'Name every page'
