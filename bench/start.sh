#!/usr/bin/env bash
# Start to ready of the production build with <customers> customers, for several sets of JVM options
# side by side: every set is started once per round, in turn, so a change in this machine's speed falls
# on all of them; the bare Quarkus app (bench/bare) is started in each round too, as the yardstick.
#
#   bench/start.sh [customers=10000] [rounds=5] [options ...]
#
# Each further argument is one set of extra JVM options (system properties set Quarkus configuration,
# for example "-Dquarkus.hibernate-orm.schema-management.strategy=none"); "" is the start as shipped,
# from the build's AppCDS archive (target/quarkus-app/app-cds.jsa), and is always measured first.
# "@noarchive" in a set starts without that archive (the plain start); "@cds" stands for a dynamic AppCDS
# archive written by a training run (known and unknown names served, then stopped), made once before the
# rounds when a set asks for it. Prints, per set, the median, the fastest and the slowest start, and the
# median's ratio to the start as shipped.
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS="${1:-10000}"
ROUNDS="${2:-5}"
shift $(( $# < 2 ? $# : 2 ))
VARIANTS=("" "$@")
source bench/lib.sh
redirect_bench_settings   # the ports, database and JVM settings of bench/redirect.sh

build_if_stale
build_bare_if_missing
start_idp
READER="$(token '["Portal.Read"]')"
fresh_database
T0=$(date +%s%N); start_service ""; await_ready $APP_PORT "$T0" >/dev/null; stop_service
seed_customers "$CUSTOMERS"

if printf '%s\n' "${VARIANTS[@]}" | grep -q '@cds'; then
    echo "== training run for the AppCDS archive"
    T0=$(date +%s%N); start_service "-XX:ArchiveClassesAtExit=$WORK/app.jsa"; await_ready $APP_PORT "$T0" >/dev/null
    for path in "/tenants/Customer%201%20Ltd/portal" "/tenants/C2/portal" "/tenants/Custmer%203%20Lt/portal"; do
        for _ in $(seq 1 200); do curl -s -o /dev/null -H "Authorization: Bearer $READER" "http://127.0.0.1:$APP_PORT$path"; done
    done
    stop_service
    [ -s "$WORK/app.jsa" ] || { echo "the training run wrote no AppCDS archive"; cat "$WORK/app.log"; exit 1; }
fi

echo "== $ROUNDS rounds: the bare app, then each set of options in turn"
for round in $(seq 1 "$ROUNDS"); do
    T0=$(date +%s%N)
    start_bare
    await_ready $BARE_PORT "$T0" >> "$WORK/ms-bare"
    kill "$BARE_PID"; wait "$BARE_PID" 2>/dev/null || true
    for i in "${!VARIANTS[@]}"; do
        T0=$(date +%s%N); start_service "${VARIANTS[$i]//@cds/-XX:SharedArchiveFile=$WORK/app.jsa}"
        await_ready $APP_PORT "$T0" >> "$WORK/ms-$i"
        archive_taken
        stop_service
    done
    echo "round $round: bare $(tail -1 "$WORK/ms-bare") ms, $(for i in "${!VARIANTS[@]}"; do printf '%s ' "$(tail -1 "$WORK/ms-$i")"; done)ms"
done

SHIPPED="$(median "$WORK/ms-0")"
echo
echo "start to ready, $CUSTOMERS customers, medians of $ROUNDS (fastest-slowest), JVM: ${JVM_OPTS[*]}"
printf '%-70s %6s ms (%s-%s)\n' "bare Quarkus app" "$(median "$WORK/ms-bare")" "$(sort -n "$WORK/ms-bare" | head -1)" "$(sort -n "$WORK/ms-bare" | tail -1)"
for i in "${!VARIANTS[@]}"; do
    m="$(median "$WORK/ms-$i")"
    printf '%-70s %6s ms (%s-%s)  %sx as shipped\n' "${VARIANTS[$i]:-as shipped, from the build archive}" "$m" "$(sort -n "$WORK/ms-$i" | head -1)" \
        "$(sort -n "$WORK/ms-$i" | tail -1)" "$(awk -v a="$m" -v b="$SHIPPED" 'BEGIN { printf "%.2f", a / b }')"
done
