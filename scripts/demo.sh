#!/usr/bin/env bash
# A narrated tour of nsx against a local nsx-server with throwaway data, config and
# keyring. `make demo` runs it inside scripts/with-keyring (a private D-Bus session with
# an unlocked gnome-keyring); everything it starts is stopped on exit.
set -euo pipefail

bin=${NSX_BIN_DIR:-$(swift build --show-bin-path)}
nsx="$bin/nsx"
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\n\033[1m# %s\033[0m\n' "$*" >&2; }
show() { printf '\033[2m$ %s\033[0m\n' "$*" >&2; }

export NSX_CONFIG_DIR="$work/config"
unset NSX_TOKEN NSX_PROFILE NSX_OUTPUT NSX_ENV

say "Starting nsx-server --demo on a free port, with its data in a temporary folder"
"$bin/nsx-server" --port 0 --data "$work/server.sqlite" --demo --action-delay 0.5 >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q 'listening on' "$work/server.out" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^nsx-server listening on //p' "$work/server.out")
[ -n "$url" ] || { echo "nsx-server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
export NSX_API_URL="$url"
echo "  $url" >&2

say "Log in from a script: the password comes on stdin, never as an argument"
show "echo demo-password | nsx login --email demo@example.com --password-stdin"
echo demo-password | "$nsx" login --email demo@example.com --password-stdin

say "Who am I? The session lives in the GNOME keyring; config.json holds no secret"
show "nsx auth status"
"$nsx" auth status

say "Servers, as a table for people"
show "nsx servers list"
"$nsx" servers list

say "The same list as JSON, piped to jq"
show "nsx servers list -o json | jq -r '.[] | \"\(.name)\t\(.region)\t\(.status)\"'"
"$nsx" servers list -o json | jq -r '.[] | "\(.name)\t\(.region)\t\(.status)"'

say "A least-privilege API token for a CI job that only reads servers"
show "TOKEN=\$(nsx tokens create --name demo-ci --perm servers:read)"
TOKEN=$("$nsx" tokens create --name demo-ci --perm servers:read)
show "NSX_TOKEN=\$TOKEN nsx servers list -q"
NSX_TOKEN=$TOKEN "$nsx" servers list -q
show "NSX_TOKEN=\$TOKEN nsx servers create --name nope --region us-east --plan basic-1   # not allowed"
NSX_TOKEN=$TOKEN "$nsx" servers create --name nope --region us-east --plan basic-1 || echo "  (exit $?: the token lacks servers:write, as it should)" >&2

say "Create a server and wait until it is active"
show "nsx servers create --name demo-web --region eu-central --plan standard-2 --wait"
"$nsx" servers create --name demo-web --region eu-central --plan standard-2 --wait

say "Revoke the CI token; it stops working at once"
show "nsx tokens revoke demo-ci --yes"
"$nsx" tokens revoke demo-ci --yes
NSX_TOKEN=$TOKEN "$nsx" servers list -q || echo "  (exit $?: revoked)" >&2

say "Log out: the session ends on the server and leaves the keyring"
show "nsx logout"
"$nsx" logout
say "Done. Everything started here is being stopped."
