#!/usr/bin/env bash
# Side-by-side benchmark of the redirect, GET /tenants/{name}/portal, on the production build.
#
#   bench/redirect.sh [customers=10000] [seconds=20] [connections=64]
#
# In one run on this machine: a bare Quarkus app of the same version answering a fixed 302
# (bench/bare) and tenant-portal with <customers> customers of 5 names each, both driven by wrk
# (-t1 -c<connections>) over 1,000 distinct names with a real RS256 bearer token, measured alternately
# (ROUNDS=4 rounds of half the phase time each, the same for the access log below). Prints throughput
# and latency of both and their ratio; the same redirect with an integration key, and with the
# access log switched off (what recording every resolve costs); unknown names (404 with suggestions:
# the same 1,000 again and again, and names never asked before); POST /resolve with 1,000 names;
# start-to-ready time with the customers loaded, from the build's AppCDS archive as shipped (also,
# alternately, plain and from an archive of a training run, and with a JDK 25 ahead-of-time cache when
# such a JDK is installed); the
# heap the name index takes; and resident memory after a million requests (at the end of at least 30 s
# of known names, and 10 s later), both after the whole sequence and on a fresh JVM that served a
# million known names only.
# tenant-portal runs with a GC log: the full collections that fell in each of its known-name rounds
# are printed beside the ratio (one stops every request for about 0.1 s, enough to set a round's p99).
# The miss limit is off for all of that; at the end unknown names run once more with the limit at its
# default (60 a minute, 30 at once, per caller): what one caller sending only unknown names gets, and
# what it costs.
# Everything runs on 127.0.0.1 against a scratch database (tenantportal_bench) and stops at the end.
#
# BENCH_JFR=1 also records a JFR profile of tenant-portal under load (bench/out/redirect.jfr);
# `jfr print --events jdk.ExecutionSample bench/out/redirect.jfr` or `jfr summary` reads it.
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS="${1:-10000}"
SECONDS_TO_RUN="${2:-20}"
CONNECTIONS="${3:-64}"
source bench/lib.sh
redirect_bench_settings

command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }; }
build_if_stale
build_bare_if_missing

start_idp
READER="$(token '["Portal.Read"]')"
ADMIN="$(token '["Portal.Admin"]')"

fresh_database

echo "== empty database: schema, MSSP, and the heap without customers"
T0=$(date +%s%N); start_service ""; await_ready $APP_PORT "$T0" >/dev/null
EMPTY_HEAP="$(heap_after_gc "$APP_PID")"
stop_service

seed_customers "$CUSTOMERS"

# 1,000 distinct names spread over display names, aliases and domains; and 1,000 unknown ones.
cat > "$WORK/names.lua" <<LUA
local n = $CUSTOMERS
local paths = {}
for j = 1, 1000 do
  local k = ((j * 7919) % n) + 1
  local kinds = { "Customer%20" .. k .. "%20Ltd", "C" .. k, "Cust-" .. k, "customer" .. k .. ".example", "customer" .. k .. ".onmicrosoft.com" }
  paths[j] = "/tenants/" .. kinds[(j % 5) + 1] .. "/portal"
end
local i = 0
request = function()
  i = (i % 1000) + 1
  return wrk.format("GET", paths[i])
end
LUA
sed -e 's/"Customer%20" .. k .. "%20Ltd"/"Custmer%20" .. k .. "%20Lt"/' -e 's/"C" .. k,/"Cx" .. k .. "q",/' \
    -e 's/"Cust-" .. k/"Cust-" .. k .. "-9"/' -e 's/".example"/".exampel"/' -e 's/".onmicrosoft.com"/".onmicrosft.com"/' \
    "$WORK/names.lua" > "$WORK/unknown.lua"
# The same unknown names, each made new by a counter ("Custmer 8 Lt-1", "Cx16q-2", ...): never asked before,
# so no remembered answer serves them and every one is searched.
sed -e 's/^local i = 0$/local i = 0\nlocal fresh = 0/' \
    -e 's|^  return wrk.format("GET", paths\[i\])$|  fresh = fresh + 1\n  return wrk.format("GET", (paths[i]:gsub("/portal$", "-" .. fresh .. "/portal")))|' \
    "$WORK/unknown.lua" > "$WORK/fresh.lua"
grep -q fresh "$WORK/fresh.lua"

run() { # label url script seconds [header] -> prints "rps p50 p99"; leaves the figures in $WORK/rps and $WORK/p99
    wrk -t1 -c"$CONNECTIONS" -d"$4" --latency -s "$3" -H "${5:-Authorization: Bearer $READER}" "$2" > "$WORK/wrk.txt"
    awk -v label="$1" '
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
        /requests in/ { total = $1 }
        /Non-2xx/ { other = "   non-2xx/3xx: " $NF }
        /Socket errors/ { errors = "   " $0 }
        END { printf "%-38s %8.0f req/s   p50 %-9s p99 %-9s requests %s%s%s\n", label, rps, p50, p99, total, other, errors }' "$WORK/wrk.txt"
    awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt" > "$WORK/rps"
    awk '/^ +99%/ { v = $2; if (v ~ /us$/) { sub("us", "", v); v /= 1000 } else if (v ~ /ms$/) { sub("ms", "", v) } else if (v ~ /s$/) { sub("s", "", v); v *= 1000 } print v }' "$WORK/wrk.txt" > "$WORK/p99"
}

echo "== tenant-portal with the access log off, beside the one with it on (what recording costs)"
# A second JVM on its own port, kept running: it and the main one are measured alternately further
# down, so a change in this machine's speed during the run falls on both.
OFF_PORT=18084
T0=$(date +%s%N); APP_PORT=$OFF_PORT AUDIT=false start_service ""; await_ready $OFF_PORT "$T0" >/dev/null
OFF_PID=$APP_PID
wrk -t1 -c"$CONNECTIONS" -d5s -s "$WORK/unknown.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$OFF_PORT" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d10s -s "$WORK/names.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$OFF_PORT" >/dev/null

# The same start with an ahead-of-time cache (JEP 483 and 515, JDK 25): a training run that serves known
# and unknown names writes the cache when it stops, then three timed starts read it. Only when such a JDK
# is here (AOT_JAVA, else the first JDK 25 under /usr/lib/jvm); everything else runs on the default java.
AOT_JAVA="${AOT_JAVA:-$(ls -d /usr/lib/jvm/*-25-*/bin/java 2>/dev/null | head -1)}"
AOT_READY_MS=""
if [ -n "$AOT_JAVA" ] && [ -x "$AOT_JAVA" ]; then
    echo "== tenant-portal: start to ready with an AOT cache ($("$AOT_JAVA" -version 2>&1 | head -1))"
    T0=$(date +%s%N); JAVA="$AOT_JAVA" start_service "-XX:AOTCacheOutput=$WORK/app.aot"; await_ready $APP_PORT "$T0" >/dev/null
    wrk -t1 -c8 -d5s -s "$WORK/names.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$APP_PORT" >/dev/null
    wrk -t1 -c8 -d3s -s "$WORK/unknown.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$APP_PORT" >/dev/null
    stop_service
    [ -s "$WORK/app.aot" ] || { echo "the training run wrote no AOT cache"; cat "$WORK/app.log"; exit 1; }
    AOT_READY_MS="$(for _ in 1 2 3; do
        T0=$(date +%s%N); JAVA="$AOT_JAVA" start_service "-XX:AOTCache=$WORK/app.aot"; await_ready $APP_PORT "$T0"
        stop_service
    done | sort -n | sed -n 2p)"
fi

# On Java 17 itself, three ways alternately, CDS_ROUNDS of each (medians reported): plain (no archive);
# from the build's AppCDS archive (quarkus.package.jar.appcds: the classes of Quarkus's static init), as
# shipped and as every other start of this bench; and from a dynamic AppCDS archive written when a
# training run that served known and unknown names stops (-XX:ArchiveClassesAtExit), which holds every
# class the service loads while serving.
echo "== tenant-portal: start to ready on Java 17: plain, from the build's AppCDS archive, from a training run's, alternately"
T0=$(date +%s%N); start_service "-XX:ArchiveClassesAtExit=$WORK/app.jsa"; await_ready $APP_PORT "$T0" >/dev/null
wrk -t1 -c8 -d5s -s "$WORK/names.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$APP_PORT" >/dev/null
wrk -t1 -c8 -d3s -s "$WORK/unknown.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$APP_PORT" >/dev/null
stop_service
[ -s "$WORK/app.jsa" ] || { echo "the training run wrote no AppCDS archive"; cat "$WORK/app.log"; exit 1; }
for _ in $(seq 1 "${CDS_ROUNDS:-3}"); do
    T0=$(date +%s%N); start_service "@noarchive"; await_ready $APP_PORT "$T0" >> "$WORK/plain-ms"; stop_service
    T0=$(date +%s%N); start_service ""; await_ready $APP_PORT "$T0" >> "$WORK/built-ms"; archive_taken; stop_service
    T0=$(date +%s%N); start_service "-XX:SharedArchiveFile=$WORK/app.jsa"; await_ready $APP_PORT "$T0" >> "$WORK/cds-ms"
    archive_taken; stop_service
done
PLAIN_MS="$(median "$WORK/plain-ms")"; BUILT_MS="$(median "$WORK/built-ms")"; CDS_MS="$(median "$WORK/cds-ms")"

echo "== tenant-portal: start to ready with $CUSTOMERS customers"
JFR=""
[ "${BENCH_JFR:-0}" = 1 ] && JFR="-XX:StartFlightRecording=filename=$OUT/redirect.jfr,settings=profile,delay=8s,duration=20s"
# With a GC log, so that a round's latency can be set beside the full collections that fell in it.
T0=$(date +%s%N); start_service "$JFR -Xlog:gc:file=$WORK/gc.log"; READY_MS="$(await_ready $APP_PORT "$T0")"; archive_taken
INDEX_HEAP="$(heap_after_gc "$APP_PID")"
curl -sf -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $READER" \
    "http://127.0.0.1:$APP_PORT/tenants/Customer%201%20Ltd/portal" | grep -q 302 || { echo "redirect failed"; cat "$WORK/app.log"; exit 1; }
KEY="$(curl -sf -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d '{"name":"bench","role":"Portal.Read"}' "http://127.0.0.1:$APP_PORT/integrations" | sed -E 's/.*"key":"([^"]+)".*/\1/')"
[[ "$KEY" == tpk_* ]] || { echo "could not create an integration key"; exit 1; }

echo "== bare Quarkus app (fixed 302)"
T0=$(date +%s%N)
start_bare
BARE_READY_MS="$(await_ready $BARE_PORT "$T0")"

echo "== warm-up"
# Unknown names first and known names last, so the JIT's latest profile is of the redirect measured next.
wrk -t1 -c"$CONNECTIONS" -d5s -s "$WORK/unknown.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$APP_PORT" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d10s -s "$WORK/names.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$APP_PORT" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d10s -s "$WORK/names.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$BARE_PORT" >/dev/null

mean() { awk '{ s += $1 } END { printf "%.2f", s / NR }' "$1"; }
# Full collections of tenant-portal's heap so far, but for the ones the bench asks for (heap_after_gc):
# one stops every request for about 0.1 s here, which is a round's p99 when it falls in that round.
full_collections() { grep 'Pause Full' "$WORK/gc.log" | grep -vc 'System.gc()' || true; }
HALF=$(( SECONDS_TO_RUN / 2 ))
ROUNDS="${ROUNDS:-4}"
# The bare app and tenant-portal alternately, ${HALF}s each, so a change in this machine's speed during
# the run falls on both; the ratio is that of the means.
echo "== measuring: wrk -t1 -c$CONNECTIONS; the bare app and known names alternately, ${HALF}s each, $ROUNDS rounds; then ${SECONDS_TO_RUN}s each"
for round in $(seq 1 "$ROUNDS"); do
    run "bare Quarkus, fixed 302, round $round" "http://127.0.0.1:$BARE_PORT" "$WORK/names.lua" "${HALF}s"
    cat "$WORK/rps" >> "$WORK/bare-rps"
    awk '/requests in/ { print $1 }' "$WORK/wrk.txt" >> "$WORK/bare-served"
    FULL_BEFORE="$(full_collections)"
    run "tenant-portal, known names, round $round" "http://127.0.0.1:$APP_PORT" "$WORK/names.lua" "${HALF}s"
    cat "$WORK/rps" >> "$WORK/warm-rps"; cat "$WORK/p99" >> "$WORK/warm-p99"
    echo $(( $(full_collections) - FULL_BEFORE )) >> "$WORK/warm-full"
done
WARM_FULL="$(paste -sd, "$WORK/warm-full")"
BARE_RPS="$(mean "$WORK/bare-rps")"; WARM_RPS="$(mean "$WORK/warm-rps")"; WARM_P99="$(mean "$WORK/warm-p99")"
# The yardstick for resident memory too: the bare app with the same JVM settings, its rounds just served
# (the warm-up's requests not counted), read after it has been idle for tenant-portal's last round.
BARE_SERVED="$(awk '{ s += $1 } END { printf "%d", s }' "$WORK/bare-served")"
BARE_RSS_MB=$(resident_mib "$BARE_PID")
run "tenant-portal, integration key (302)" "http://127.0.0.1:$APP_PORT" "$WORK/names.lua" "${SECONDS_TO_RUN}s" "X-API-Key: $KEY"
KEY_RPS="$(cat "$WORK/rps")"
run "tenant-portal, unknown names (404)" "http://127.0.0.1:$APP_PORT" "$WORK/unknown.lua" "${SECONDS_TO_RUN}s"; MISS_RPS="$(cat "$WORK/rps")"
run "tenant-portal, never-asked names (404)" "http://127.0.0.1:$APP_PORT" "$WORK/fresh.lua" "${SECONDS_TO_RUN}s"
FRESH_RPS="$(cat "$WORK/rps")"; FRESH_P99="$(cat "$WORK/p99")"

LOG_ROUNDS="${LOG_ROUNDS:-$ROUNDS}"
echo "== the access log's cost: known names on the JVM with it off and the one with it on, alternately, ${HALF}s each, $LOG_ROUNDS rounds"
for port in $OFF_PORT $APP_PORT; do
    wrk -t1 -c"$CONNECTIONS" -d5s -s "$WORK/names.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$port" >/dev/null
done
for round in $(seq 1 "$LOG_ROUNDS"); do
    run "access log off, round $round" "http://127.0.0.1:$OFF_PORT" "$WORK/names.lua" "${HALF}s"
    cat "$WORK/rps" >> "$WORK/off-rps"; cat "$WORK/p99" >> "$WORK/off-p99"
    run "access log on, round $round" "http://127.0.0.1:$APP_PORT" "$WORK/names.lua" "${HALF}s"
    cat "$WORK/rps" >> "$WORK/on-rps"; cat "$WORK/p99" >> "$WORK/on-p99"
done
kill "$OFF_PID"; wait "$OFF_PID" 2>/dev/null || true
OFF_RPS="$(mean "$WORK/off-rps")"; OFF_P99="$(mean "$WORK/off-p99")"
ON_RPS="$(mean "$WORK/on-rps")"; ON_P99="$(mean "$WORK/on-p99")"

echo "== POST /resolve with 1,000 names (median of 5 calls)"
python3 - "$CUSTOMERS" "$WORK" <<'PY'
import json, sys
n, work = int(sys.argv[1]), sys.argv[2]
known, unknown, fresh = [], [], []
for j in range(1, 1001):
    k = (j * 7919) % n + 1
    known.append({"name": ["Customer %d Ltd" % k, "C%d" % k, "Cust-%d" % k, "customer%d.example" % k][j % 4]})
    unknown.append({"name": "Custmer %d Lt" % k})
    fresh.append({"name": "Custmr %d Ltdd" % k})
json.dump({"items": known}, open(work + "/bulk-known.json", "w"))
json.dump({"items": unknown}, open(work + "/bulk-unknown.json", "w"))
json.dump({"items": fresh}, open(work + "/bulk-fresh.json", "w"))
PY
bulk() { # $1 body file -> median milliseconds of 5 calls
    for _ in 1 2 3 4 5; do
        curl -sf -o /dev/null -w '%{time_total}\n' -X POST -H "Authorization: Bearer $READER" \
            -H 'Content-Type: application/json' --data-binary "@$1" "http://127.0.0.1:$APP_PORT/resolve"
    done | sort -n | sed -n 3p | awk '{ printf "%.0f", $1 * 1000 }'
}
bulk "$WORK/bulk-known.json" >/dev/null
BULK_KNOWN_MS="$(bulk "$WORK/bulk-known.json")"
BULK_UNKNOWN_MS="$(bulk "$WORK/bulk-unknown.json")"
# One call only: a second would find the answers remembered.
BULK_FRESH_MS="$(curl -sf -o /dev/null -w '%{time_total}\n' -X POST -H "Authorization: Bearer $READER" \
    -H 'Content-Type: application/json' --data-binary "@$WORK/bulk-fresh.json" "http://127.0.0.1:$APP_PORT/resolve" \
    | awk '{ printf "%.0f", $1 * 1000 }')"
echo "1,000 known names: ${BULK_KNOWN_MS} ms; 1,000 unknown names (404 with suggestions): ${BULK_UNKNOWN_MS} ms; 1,000 never asked before: ${BULK_FRESH_MS} ms"

echo "== a million requests, then resident memory"
SERVED=$(requests_served)
# At least 30 s of known names even when a million were served before: read straight after the bulk calls,
# the figure caught C2 compiling their code (Native Memory Tracking: 24 MiB of compiler arenas, given back
# seconds later). The resident size is read at the end of that load and again after 10 s without requests.
REST=$(awk -v s="$SERVED" -v r="$WARM_RPS" 'BEGIN { n = 1000000 - s; t = (n > 0 ? int(n / r) + 2 : 0); print (t > 30 ? t : 30) }')
wrk -t1 -c"$CONNECTIONS" -d"${REST}s" -s "$WORK/names.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$APP_PORT" >/dev/null
# Read before the count: answering a metrics scrape costs a few MiB of its own (3-5 in probes).
RSS_MB=$(resident_mib "$APP_PID")
SERVED=$(requests_served)
sleep 10
RSS_IDLE_MB=$(resident_mib "$APP_PID")


echo "== unknown names with the miss limit on (its defaults)"
stop_service
T0=$(date +%s%N); MISSES=60 start_service ""; await_ready $APP_PORT "$T0" >/dev/null
run "tenant-portal, unknown names, limit on" "http://127.0.0.1:$APP_PORT" "$WORK/unknown.lua" "${SECONDS_TO_RUN}s"
LIMITED_RPS="$(cat "$WORK/rps")"; LIMITED_P99="$(cat "$WORK/p99")"
LIMITED_404=$(curl -s "http://127.0.0.1:$((APP_PORT + 100))/q/metrics" | awk '/^http_server_requests_seconds_count/ && /status="404"/ { s += $2 } END { printf "%d", s }')
LIMITED_429=$(curl -s "http://127.0.0.1:$((APP_PORT + 100))/q/metrics" | awk '/^http_server_requests_seconds_count/ && /status="429"/ { s += $2 } END { printf "%d", s }')

echo "== a fresh replica, a million known-name redirects only, then resident memory"
# The figure above comes after the whole sequence (unknown names, bulk calls, the miss limit), which
# grows the heap first; this one is the redirect alone: a new JVM, known names until a million are served.
stop_service
T0=$(date +%s%N); start_service ""; await_ready $APP_PORT "$T0" >/dev/null
KNOWN_ONLY_SERVED=0
for _ in $(seq 1 60); do   # in 5 s steps (a cold JVM serves fewer at first), 5 minutes at most
    [ "$KNOWN_ONLY_SERVED" -lt 1000000 ] || break
    wrk -t1 -c"$CONNECTIONS" -d5s -s "$WORK/names.lua" -H "Authorization: Bearer $READER" "http://127.0.0.1:$APP_PORT" >/dev/null
    KNOWN_ONLY_RSS_MB=$(resident_mib "$APP_PID")
    KNOWN_ONLY_SERVED=$(requests_served)
done
sleep 10
KNOWN_ONLY_IDLE_MB=$(resident_mib "$APP_PID")

echo
echo "== results ($CUSTOMERS customers, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v b="$BARE_RPS" -v w="$WARM_RPS" -v m="$MISS_RPS" -v f="$FRESH_RPS" -v fp="$FRESH_P99" -v k="$KEY_RPS" -v o="$OFF_RPS" -v wp="$WARM_P99" -v op="$OFF_P99" -v n="$ON_RPS" -v np="$ON_P99" -v rounds="$LOG_ROUNDS" -v kr="$ROUNDS" 'BEGIN {
    printf "known names vs bare Quarkus:   %.2f (%.0f vs %.0f req/s; target at least 0.80), p99 %.2f ms (target at most 10; means of %d alternate rounds)\n", w / b, w, b, wp, kr
    printf "unknown names vs known names:  %.2f (target at least 0.30; the same 1,000 names again and again)\n", m / w
    printf "  never asked before:          %.2f (%.0f req/s, p99 %.2f ms: no remembered answer, every name searched)\n", f / w, f, fp
    printf "integration key vs JWT:        %.2f\n", k / w
    printf "access log on vs off:          throughput %.2f, p99 %.2f ms vs %.2f ms (target: at most 10%% cost; means of %d alternate rounds)\n", n / o, np, op, rounds }'
echo "  full collections:            ${WARM_FULL} in tenant-portal's known-name rounds, in turn (each stops every request for about 0.1 s)"
echo "start to ready:                ${READY_MS} ms with $CUSTOMERS customers, from the build's AppCDS archive (bare app, no archive: ${BARE_READY_MS} ms; target at most 3000)"
echo "  Java 17, alternately:        plain ${PLAIN_MS} ms, the build's archive ${BUILT_MS} ms, a training run's archive ${CDS_MS} ms (medians of ${CDS_ROUNDS:-3} starts each)"
[ -z "$AOT_READY_MS" ] || echo "  with a JDK 25 AOT cache:     ${AOT_READY_MS} ms (median of 3 starts, $AOT_JAVA)"
awk -v e="$EMPTY_HEAP" -v f="$INDEX_HEAP" -v n="$CUSTOMERS" 'BEGIN {
    printf "heap after GC:                 %.1f MiB empty, %.1f MiB with the customers: the index takes about %.1f MiB per 10,000 customers\n", e, f, (f - e) * 10000 / n }'
echo "bulk resolve of 1,000 names:   ${BULK_KNOWN_MS} ms known, ${BULK_UNKNOWN_MS} ms unknown, ${BULK_FRESH_MS} ms unknown and never asked before (target under 300)"
echo "miss limit on, unknown names:  ${LIMITED_RPS} req/s, p99 ${LIMITED_P99} ms: ${LIMITED_404} answered 404 with suggestions, ${LIMITED_429} refused 429"
echo "resident memory:               ${RSS_MB} MiB after ${SERVED} requests of the whole sequence, ${RSS_IDLE_MB} MiB 10 s later (target at most 250 MB, that is 238 MiB; $(mb "$RSS_MB") and $(mb "$RSS_IDLE_MB") MB; JVM: ${JVM_OPTS[*]}, the build's AppCDS archive; MALLOC_ARENA_MAX=2)"
echo "  known names only, fresh JVM: ${KNOWN_ONLY_RSS_MB} MiB after ${KNOWN_ONLY_SERVED} requests, ${KNOWN_ONLY_IDLE_MB} MiB 10 s later ($(mb "$KNOWN_ONLY_RSS_MB") and $(mb "$KNOWN_ONLY_IDLE_MB") MB)"
echo "  the bare app, same settings: ${BARE_RSS_MB} MiB after more than ${BARE_SERVED} requests (what Quarkus itself holds)"
