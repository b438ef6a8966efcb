#!/usr/bin/env bash
# Benchmarks listing a large account: `nsx servers list --all -o ndjson` over 10,000 servers,
# next to a plain curl loop that follows the same cursors, on the same server.
#
# Builds nsx and nsx-server in release mode, starts the server on a free port with a
# throwaway SQLite file (rate limiting off), seeds the servers with parallel curl requests,
# then times both listings with /usr/bin/time -v and prints wall time and peak RSS of each.
# nsx streams page by page, so its peak RSS should stay flat however many servers there are.
#
#   bench/list.sh                 # COUNT=10000 PAGE=100 by default
#   BENCH_BIN_DIR=/path/to/bin bench/list.sh   # binaries already built
set -euo pipefail
cd "$(dirname "$0")/.."

count="${COUNT:-10000}"
page="${PAGE:-100}"

for tool in curl jq; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed: apt-get install $tool" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time" >&2; exit 1; }

# BENCH_BIN_DIR=… uses binaries built elsewhere (both nsx and nsx-server) instead of building.
bin="${BENCH_BIN_DIR:-}"
if [ -z "$bin" ]; then
    swift build -c release --product nsx-server >&2
    swift build -c release --product nsx >&2
    bin="$(swift build -c release --show-bin-path)"
fi

. bench/lib.sh
start_bench_server "$bin/nsx-server"

session="$(curl -sf -X POST "$url/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password"}' | jq -r .data.token)"

# Seeding: one curl process, 32 requests in flight, from a generated config file.
echo "seeding $count servers…" >&2
regions=(us-east us-west eu-central ap-southeast)
{
    for i in $(seq 1 "$count"); do
        if [ "$i" -gt 1 ]; then echo next; fi
        printf 'url = "%s/api/v1/servers"\nrequest = "POST"\n' "$url"
        printf 'header = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\n' "$session"
        printf 'data = "{\\"name\\":\\"bench-%d\\",\\"region\\":\\"%s\\",\\"plan\\":\\"basic-1\\",\\"labels\\":{\\"n\\":\\"%d\\"}}"\n' \
            "$i" "${regions[$((i % 4))]}" "$i"
        printf 'output = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n'
    done
} >"$work/seed.curl"
seed_start=$(date +%s%N)
curl -sS --parallel --parallel-max 32 -K "$work/seed.curl" >"$work/seed.codes" 2>"$work/seed.err" || true
seed_ms=$((($(date +%s%N) - seed_start) / 1000000))
created=$(grep -c '^201$' "$work/seed.codes" || true)
[ "$created" = "$count" ] || {
    echo "seeding created $created of $count: $(sort "$work/seed.codes" | uniq -c)" >&2
    grep -v '^DL%\|--:--' "$work/seed.err" | tail -5 >&2
    exit 1
}
echo "seeded $count servers in $((seed_ms / 1000)).$(printf '%03d' $((seed_ms % 1000))) s" >&2

# nsx: its own config folder, the session through NSX_TOKEN (never stored).
export NSX_CONFIG_DIR="$work/config" NSX_API_URL="$url"
mkdir -p "$NSX_CONFIG_DIR"

measure() { # label, output file, command...
    local label="$1" out="$2"
    shift 2
    /usr/bin/time -v -o "$work/$label.time" "$@" >"$out"
    local wall rss
    wall="$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$label.time")"
    rss="$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$work/$label.time")"
    printf '%s\t%s\t%s\n' "$label" "$wall" "$rss"
}

# The curl loop: every page with the same page size nsx uses for --all, cursors followed with jq.
cat >"$work/curl-loop.sh" <<'LOOP'
#!/usr/bin/env bash
set -euo pipefail
url="$1"; token="$2"; page="$3"
cursor=""
while :; do
    if [ -n "$cursor" ]; then q="limit=$page&cursor=$cursor"; else q="limit=$page"; fi
    body="$(curl -sf -H "Authorization: Bearer $token" "$url/api/v1/servers?$q")"
    jq -c '.data[]' <<<"$body"
    [ "$(jq -r '.meta.has_more' <<<"$body")" = true ] || break
    cursor="$(jq -r '.meta.next_cursor' <<<"$body")"
done
LOOP
chmod +x "$work/curl-loop.sh"

# One warm-up each, so neither pays for a cold cache.
NSX_TOKEN="$session" "$bin/nsx" servers list --limit 1 -o ndjson >/dev/null
"$work/curl-loop.sh" "$url" "$session" "$page" | head -n 1 >/dev/null || true

results="$(
    echo -e "what\twall (m:ss)\tpeak RSS (KiB)"
    measure "nsx servers list --all -o ndjson" "$work/nsx.ndjson" \
        env NSX_TOKEN="$session" "$bin/nsx" servers list --all -o ndjson
    measure "curl page loop (limit=$page, jq)" "$work/curl.ndjson" "$work/curl-loop.sh" "$url" "$session" "$page"
)"

nsx_lines=$(wc -l <"$work/nsx.ndjson")
curl_lines=$(wc -l <"$work/curl.ndjson")
echo
echo "listing $count servers from $url"
column -t -s $'\t' <<<"$results" 2>/dev/null || echo "$results"
echo
echo "lines: nsx $nsx_lines, curl $curl_lines"
if [ "$nsx_lines" != "$count" ] || [ "$curl_lines" != "$count" ]; then
    echo "expected $count lines from each" >&2
    exit 1
fi
if ! cmp -s <(jq -r .id "$work/nsx.ndjson") <(jq -r .id "$work/curl.ndjson"); then
    echo "nsx and curl listed different servers" >&2
    exit 1
fi
