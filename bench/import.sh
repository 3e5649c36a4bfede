#!/usr/bin/env bash
# Bulk paths on the production build: import, export and auto-map.
#
#   bench/import.sh [rows=50000] [customers=10000] [companies=5000]
#
# 1. POST /import of a CSV of <rows> new customers (6 names and a reference each): time, and the heap
#    after GC before and after (the name index then holds them).
# 2. GET /export of those customers as CSV and as JSON: time, size, and the heap after GC, with the
#    same -Xmx as the import: the export streams, so it needs no bigger heap.
# 3. POST /import/match of <companies> PSA companies against <customers> customers of a second MSSP:
#    a mix of shared domains, exact names, loose names, renamed and unknown companies: time and counts.
# Everything runs on 127.0.0.1 against a scratch database (tenantportal_bench_import) and stops at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${1:-50000}"
CUSTOMERS="${2:-10000}"
COMPANIES="${3:-5000}"
APP_PORT=18471
IDP_PORT=18472
DB=tenantportal_bench_import
MSSP_TID=0e6c1d2a-5b4f-4c3e-9a8d-7f6e5d4c3b2a
MSSP2_TID=1f7d2e3b-6c5a-4d4f-8b9e-8a7f6e5d4c3b
# The name index holds every customer in memory: 60,000 of them need more than redirect.sh's 192 MB.
JVM_OPTS=(-Xms64m -Xmx768m -XX:+UseSerialGC)
source bench/lib.sh

build_if_stale
start_idp
ADMIN="$(token '["Portal.Admin"]')"
ADMIN2="$(token '["Portal.Admin"]' "$MSSP2_TID")"
fresh_database
URL="http://127.0.0.1:$APP_PORT"

customers_csv() { # rows, first number, file: customers with a display name, 2 domains, an initial domain, 2 aliases, a reference
    python3 - "$1" "$2" "$3" <<'PY'
import sys
rows, first, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
with open(out, "w") as f:
    f.write("tenantId,displayName,defaultDomain,initialDomain,domains,aliases,refs,source\n")
    for i in range(first, first + rows):
        f.write(f"{i:08x}-0000-4000-8000-{i:012d},Customer {i} Ltd,customer{i}.example,customer{i}.onmicrosoft.com,"
                f"customer{i}.example;customer{i}.co.uk,C{i};Cust-{i},halopsa:{i},\n")
PY
}

post() { # url, content type, file, token -> "http status, seconds" and the body in $WORK/answer.json
    curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -X POST "$1" -H "Authorization: Bearer $4" \
        -H "Content-Type: $2" --data-binary "@$3"
}

echo "== start"
T0=$(date +%s%N); start_service ""; await_ready $APP_PORT "$T0" >/dev/null
EMPTY_HEAP="$(heap_after_gc "$APP_PID")"

echo "== import of $ROWS rows"
customers_csv "$ROWS" 1 "$WORK/customers.csv"
FILE_MB=$(awk -v b="$(stat -c %s "$WORK/customers.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')
read -r STATUS IMPORT_S <<<"$(post "$URL/import" text/csv "$WORK/customers.csv" "$ADMIN")"
[ "$STATUS" = 200 ] || { echo "import answered $STATUS"; head -c 600 "$WORK/answer.json"; cat "$WORK/app.log" | tail -20; exit 1; }
CREATED=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["counts"]["created"])' "$WORK/answer.json")
sleep 20 # other replicas' path: the change notifications reload the customers once more, in the background
IMPORTED_HEAP="$(heap_after_gc "$APP_PID")"
read -r STATUS AGAIN_S <<<"$(post "$URL/import" text/csv "$WORK/customers.csv" "$ADMIN")"
UNCHANGED=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["counts"]["unchanged"])' "$WORK/answer.json")

echo "== export of $ROWS customers"
EXPORT_CSV_S=$(curl -s -o "$WORK/export.csv" -w '%{time_total}' -H "Authorization: Bearer $ADMIN" -H 'Accept: text/csv' "$URL/export")
EXPORT_JSON_S=$(curl -s -o "$WORK/export.json" -w '%{time_total}' -H "Authorization: Bearer $ADMIN" "$URL/export")
EXPORTED_HEAP="$(heap_after_gc "$APP_PID")"
EXPORT_LINES=$(( $(wc -l < "$WORK/export.csv") - 1 ))
CSV_MB=$(awk -v b="$(stat -c %s "$WORK/export.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')
JSON_MB=$(awk -v b="$(stat -c %s "$WORK/export.json")" 'BEGIN { printf "%.1f", b / 1048576 }')

echo "== auto-map: $CUSTOMERS customers of a second MSSP, $COMPANIES companies"
customers_csv "$CUSTOMERS" 1 "$WORK/customers2.csv"
read -r STATUS _ <<<"$(post "$URL/import" text/csv "$WORK/customers2.csv" "$ADMIN2")"
[ "$STATUS" = 200 ] || { echo "import of the second MSSP answered $STATUS"; exit 1; }
python3 - "$COMPANIES" "$CUSTOMERS" "$WORK/companies.json" <<'PY'
import json, sys
n, customers, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
companies = []
for k in range(n):
    i = (k * 7919) % customers + 1
    share = k * 10 // n  # 4 in 10 by domain, 2 exact names, 2 loose names, 1 renamed, 1 unknown
    name, domains = f"Customer {i} Ltd", []
    if share < 4:
        name, domains = f"Acme Holdings {k}", [f"https://www.customer{i}.co.uk/"]
    elif share < 6:
        pass
    elif share < 8:
        name = f"CUSTOMER {i} Limited"
    elif share < 9:
        name = f"Customr {i} Group"
    else:
        name = f"Zebra Works {k}"
    companies.append({"system": "autotask", "id": str(100000 + k), "name": name, "domains": domains})
json.dump({"companies": companies}, open(out, "w"))
PY
read -r STATUS MATCH_S <<<"$(post "$URL/import/match" application/json "$WORK/companies.json" "$ADMIN2")"
[ "$STATUS" = 200 ] || { echo "match answered $STATUS"; head -c 600 "$WORK/answer.json"; exit 1; }
MATCHED=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(" ".join(f"{k} {len(v)}" for k, v in a.items()))' "$WORK/answer.json")
read -r STATUS MATCH2_S <<<"$(post "$URL/import/match" application/json "$WORK/companies.json" "$ADMIN2")"

echo
echo "== results ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: ${JVM_OPTS[*]})"
echo "import:   $CREATED of $ROWS rows created in ${IMPORT_S}s (target under 30 s; $FILE_MB MB of CSV); the same file again: $UNCHANGED unchanged in ${AGAIN_S}s"
echo "export:   $EXPORT_LINES customers as CSV in ${EXPORT_CSV_S}s ($CSV_MB MB), as JSON in ${EXPORT_JSON_S}s ($JSON_MB MB) (target under 5 s)"
echo "heap after GC: $EMPTY_HEAP MiB empty, $IMPORTED_HEAP MiB after the import (the name index holds the customers), $EXPORTED_HEAP MiB after both exports"
echo "auto-map: $COMPANIES companies against $CUSTOMERS customers in ${MATCH_S}s, again in ${MATCH2_S}s (target under 10 s): $MATCHED"
