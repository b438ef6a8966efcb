#!/usr/bin/env bash
# Listing a large account: `nsx servers list --all -o ndjson` next to a plain curl loop that
# follows the same cursors, on the same server, at each size in COUNTS; and a table of the
# first size on a pseudo-terminal next to the NDJSON path.
#
# Starts the server on a free port with a throwaway SQLite file (rate limiting off), seeds
# the servers with parallel curl requests (growing the same account from one size to the
# next), then times each listing ROUNDS times and prints medians:
#   ndjson wall time / curl page loop     target ≤ 1.5× (at 10,000)
#   peak RSS of the ndjson listing        target ≤ 30 MB, and at 100,000 within 10 % of 10,000
#   table on a terminal / ndjson          target ≤ 1.5× (pty-run.py times both alike)
#
#   bench/list.sh                                     # COUNTS="10000 100000" PAGE=100 ROUNDS=3
#   BENCH_BIN_DIR=.build/release BASELINE_BIN_DIR=/work/baseline/.build/release COUNTS=10000 bench/list.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

read -r -a counts <<<"${COUNTS:-10000 100000}"
page="${PAGE:-100}"
rounds="${ROUNDS:-3}"
require curl jq python3
[ -x /usr/bin/time ] || { echo "GNU time is needed: scripts/install-deps installs it" >&2; exit 1; }
bench_builds
start_bench_server "$bin/nsx-server"
session="$(bench_session)"

# Seeding: one curl process, 32 requests in flight, from a generated config file.
seeded=0
seed_to() { # total
    local total="$1" i
    [ "$total" -gt "$seeded" ] || return 0
    echo "seeding servers $((seeded + 1))–$total…" >&2
    local regions=(us-east us-west eu-central ap-southeast)
    {
        for i in $(seq $((seeded + 1)) "$total"); do
            if [ "$i" -gt $((seeded + 1)) ]; then echo next; fi
            printf 'url = "%s/api/v1/servers"\nrequest = "POST"\n' "$url"
            printf 'header = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\n' "$session"
            printf 'data = "{\\"name\\":\\"bench-%d\\",\\"region\\":\\"%s\\",\\"plan\\":\\"basic-1\\",\\"labels\\":{\\"n\\":\\"%d\\"}}"\n' \
                "$i" "${regions[$((i % 4))]}" "$i"
            printf 'output = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n'
        done
    } >"$work/seed.curl"
    local start=$(date +%s%N)
    curl -sS --parallel --parallel-max 32 -K "$work/seed.curl" >"$work/seed.codes" 2>"$work/seed.err" || true
    local created
    created=$(grep -c '^201$' "$work/seed.codes" || true)
    [ "$created" = $((total - seeded)) ] || {
        echo "seeding created $created of $((total - seeded)): $(sort "$work/seed.codes" | uniq -c)" >&2
        grep -v '^DL%\|--:--' "$work/seed.err" | tail -5 >&2
        exit 1
    }
    echo "seeded in $((($(date +%s%N) - start) / 1000000)) ms" >&2
    seeded="$total"
}

# nsx: its own config folder, the session through NSX_TOKEN (never stored).
export NSX_CONFIG_DIR="$work/config" NSX_API_URL="$url" NSX_TOKEN="$session"
mkdir -p "$NSX_CONFIG_DIR"

# The curl loop: every page with the same page size nsx uses for --all, the fastest honest
# shell loop: one curl and one jq per page (jq prints the page's servers and, last, the next
# cursor), the rest in bash builtins.
cat >"$work/curl-loop.sh" <<'LOOP'
#!/usr/bin/env bash
set -euo pipefail
url="$1"; token="$2"; page="$3"
cursor=""
while :; do
    if [ -n "$cursor" ]; then q="limit=$page&cursor=$cursor"; else q="limit=$page"; fi
    mapfile -t lines < <(curl -sf -H "Authorization: Bearer $token" "$url/api/v1/servers?$q" \
        | jq -c '(.data[]), (if .meta.has_more then .meta.next_cursor else "" end)')
    cursor="${lines[-1]//\"/}"
    unset 'lines[-1]'
    if [ "${#lines[@]}" -gt 0 ]; then printf '%s\n' "${lines[@]}"; fi
    [ -n "$cursor" ] || break
done
LOOP
chmod +x "$work/curl-loop.sh"

# timed OUTPUT COMMAND… — prints "WALL_SECONDS PEAK_RSS_KIB" (GNU time), output to OUTPUT.
timed() {
    local out="$1"
    shift
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$out"
    cat "$work/time"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'; }
verdict() { awk -v v="$1" -v limit="$2" 'BEGIN { print (v <= limit ? "met" : "MISSED") }'; }

machine
declare -A rss_at
for count in "${counts[@]}"; do
    seed_to "$count"
    # One warm-up each, so none pays for a cold cache.
    "$work/curl-loop.sh" "$url" "$session" "$page" | head -n 1 >/dev/null || true
    : >"$work/curl.walls"
    while read -r label dir; do
        "$dir/nsx" servers list --limit 1 -o ndjson >/dev/null
        : >"$work/$label.walls"; : >"$work/$label.rss"; : >"$work/$label.ratios"
    done < <(builds)

    for round in $(seq 1 "$rounds"); do
        echo "$count servers: run $round of $rounds…" >&2
        read -r curl_wall _ < <(timed "$work/curl.ndjson" "$work/curl-loop.sh" "$url" "$session" "$page")
        echo "$curl_wall" >>"$work/curl.walls"
        while read -r label dir; do
            read -r wall rss < <(timed "$work/$label.ndjson" "$dir/nsx" servers list --all -o ndjson)
            echo "$wall" >>"$work/$label.walls"
            echo "$rss" >>"$work/$label.rss"
            ratio "$wall" "$curl_wall" >>"$work/$label.ratios"
            [ "$(wc -l <"$work/$label.ndjson")" = "$count" ] || { echo "$label listed $(wc -l <"$work/$label.ndjson") of $count" >&2; exit 1; }
            cmp -s <(jq -r .id "$work/$label.ndjson") <(jq -r .id "$work/curl.ndjson") \
                || { echo "$label and curl listed different servers" >&2; exit 1; }
        done < <(builds)
    done

    echo
    echo "listing $count servers (page size $page), medians of $rounds runs"
    printf '%-34s %9s %14s %s\n' "what" "wall (s)" "peak RSS (MB)" "target"
    printf '%-34s %9s %14s\n' "curl page loop (curl + jq)" "$(median <"$work/curl.walls")" ""
    while read -r label dir; do
        r="$(median <"$work/$label.ratios")"
        rss="$(median <"$work/$label.rss")"
        rss_mb="$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"
        rss_at["$label $count"]="$rss"
        printf '%-34s %9s %14s %s\n' "$label servers list --all -o ndjson" "$(median <"$work/$label.walls")" "$rss_mb" \
            "${r}× curl (≤ 1.5×: $(verdict "$r" 1.5)); RSS ≤ 30 MB: $(verdict "$rss_mb" 30)"
    done < <(builds)
done

# RSS must stay flat as the account grows.
if [ "${#counts[@]}" -gt 1 ]; then
    first="${counts[0]}" last="${counts[-1]}"
    while read -r label _; do
        growth="$(awk -v a="${rss_at["$label $last"]}" -v b="${rss_at["$label $first"]}" 'BEGIN { printf "%.1f", (a / b - 1) * 100 }')"
        echo "$label peak RSS at $last vs $first: ${growth}% (target within 10%: $(verdict "${growth#-}" 10))"
    done < <(builds)
fi

# A table of the first size on a terminal, against NDJSON through the same harness.
# The account holds the last size now, so a filter-free --limit keeps it at the first size.
rows="${counts[0]}"
echo
echo "$rows rows: table on a pseudo-terminal vs NDJSON on a pipe, medians of $rounds runs"
while read -r label dir; do
    : >"$work/table.ratios"; : >"$work/table.walls"; : >"$work/ndjson.walls"
    for round in $(seq 1 "$rounds"); do
        read -r table_wall _ _ < <(python3 bench/pty-run.py "$dir/nsx" servers list --limit "$rows")
        read -r ndjson_wall _ _ < <(python3 bench/pty-run.py --pipe "$dir/nsx" servers list --limit "$rows" -o ndjson)
        echo "$table_wall" >>"$work/table.walls"; echo "$ndjson_wall" >>"$work/ndjson.walls"
        ratio "$table_wall" "$ndjson_wall" >>"$work/table.ratios"
    done
    r="$(median <"$work/table.ratios")"
    echo "$label: table $(median <"$work/table.walls") s, ndjson $(median <"$work/ndjson.walls") s: ${r}× (target ≤ 1.5×: $(verdict "$r" 1.5))"
done < <(builds)
