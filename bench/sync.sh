#!/usr/bin/env bash
# The directory sync with and without link health, on the production build:
#
#   bench/sync.sh [customers=10000] [relationships=10000]
#
# A Graph fake (wiremock-standalone from the local Maven repository, its mappings written by
# bench/graph_fake.py) lists <customers> GDAP customers. One service, one scratch database:
# a first sync adds the customers (and warms the JVM up); then two syncs without relationships and two
# with <relationships> GDAP relationships of one access assignment each, the customers unchanged. Printed:
# each sync's time (the report's durationMs) and the ratio with/without (target: at most 2x).
# Everything runs on 127.0.0.1 against a scratch database (tenantportal_bench_sync) and stops at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS="${1:-10000}"
RELATIONSHIPS="${2:-10000}"
APP_PORT=18481
IDP_PORT=18482
GRAPH_PORT=18483
DB=tenantportal_bench_sync
MSSP_TID=0e6c1d2a-5b4f-4c3e-9a8d-7f6e5d4c3b2a
JVM_OPTS=(-Xms64m -Xmx512m -XX:+UseSerialGC)
source bench/lib.sh

build_if_stale
start_idp
ADMIN="$(token '["Portal.Admin"]')"
URL="http://127.0.0.1:$APP_PORT"
GRAPH_OPTS="-Dtenantportal.graph.base-url=http://127.0.0.1:$GRAPH_PORT -Dtenantportal.graph.login-url=http://127.0.0.1:$GRAPH_PORT/login"
export TENANTPORTAL_MSSPS__BENCH__CLIENT_ID=bench-app TENANTPORTAL_MSSPS__BENCH__CLIENT_SECRET=bench-secret-not-real
# Only the relationships differ between the two runs: the initial-domain lookup in customer tenants
# (a token per tenant, at most 200 a sync, then a day's pause) is off, so it cannot weigh on one run only.
export TENANTPORTAL_SYNC_INITIAL_DOMAIN_LOOKUPS=0

sync_ms() { # one POST /sync; prints the report's durationMs and relationships
    local status
    status=$(curl -s -o "$WORK/report.json" -w '%{http_code}' -X POST "$URL/sync" -H "Authorization: Bearer $ADMIN")
    [ "$status" = 200 ] || { echo "sync answered $status" >&2; cat "$WORK/report.json" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["durationMs"], r["added"] + r["unchanged"], r["relationships"])' "$WORK/report.json"
}

WIREMOCK="$(find ~/.m2/repository/org/wiremock/wiremock-standalone -name 'wiremock-standalone-*.jar' | sort -V | tail -1)"
[ -n "$WIREMOCK" ] || ./mvnw -B -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.2
WIREMOCK="$(find ~/.m2/repository/org/wiremock/wiremock-standalone -name 'wiremock-standalone-*.jar' | sort -V | tail -1)"
require_free_port "$GRAPH_PORT"
python3 bench/graph_fake.py "$GRAPH_PORT" "$CUSTOMERS" "$RELATIONSHIPS" "$WORK/graph/mappings"
java -Xmx256m -jar "$WIREMOCK" --port "$GRAPH_PORT" --bind-address 127.0.0.1 --root-dir "$WORK/graph" \
    --no-request-journal --disable-banner --container-threads 32 >"$WORK/graph.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$GRAPH_PORT/__admin/mappings?limit=1" >/dev/null && break; sleep 0.1; done
fresh_database
T0=$(date +%s%N); start_service "$GRAPH_OPTS"; await_ready $APP_PORT "$T0" >/dev/null

echo "== first sync: adds $CUSTOMERS customers"
read -r ADD_MS AN _ <<<"$(sync_ms)"
echo "== without relationships, twice"
read -r A1 _ _ <<<"$(sync_ms)"
read -r A2 _ _ <<<"$(sync_ms)"
echo "== with $RELATIONSHIPS relationships, twice"
curl -sf -X DELETE "http://127.0.0.1:$GRAPH_PORT/__admin/mappings/00000000-0000-4000-8000-00000000beef" >/dev/null
read -r B1 BN BR <<<"$(sync_ms)"
read -r B2 _ _ <<<"$(sync_ms)"
VERDICTS=$(curl -s -H "Authorization: Bearer $ADMIN" "$URL/health/links" | python3 -c 'import json,sys; print(json.load(sys.stdin)["counts"])')

echo
echo "== results ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: ${JVM_OPTS[*]})"
echo "first sync: $AN customers added in ${ADD_MS} ms"
echo "without relationships: $AN customers unchanged in ${A1} ms, again ${A2} ms"
echo "with $BR relationships: $BN customers unchanged and the relationships read and stored in ${B1} ms, again ${B2} ms"
echo "link health of the customers (defender): $VERDICTS"
awk -v a1="$A1" -v a2="$A2" -v b1="$B1" -v b2="$B2" 'BEGIN { printf "ratio with/without: %.2fx (mean of two each; target at most 2x)\n", (b1 + b2) / (a1 + a2) }'
