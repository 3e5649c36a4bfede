#!/usr/bin/env bash
# Benchmark of the hot path, GET /tenants/{name}/portal, on the production build.
#
#   bench/redirect.sh [customers=2000] [seconds=20] [connections=32]
#
# Starts the packaged service (building it if needed) against a scratch PostgreSQL database, with
# a throw-away signing key served as the identity provider's JWKS on loopback, seeds customers
# through the API, then runs wrk with a real signed bearer token and prints throughput, latency
# percentiles and the service's resident memory. Everything stays on 127.0.0.1 and stops at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS="${1:-2000}"
SECONDS_TO_RUN="${2:-20}"
CONNECTIONS="${3:-32}"
APP_PORT=18081
IDP_PORT=18082
DB=tenantportal_bench
MSSP_TID=0e6c1d2a-5b4f-4c3e-9a8d-7f6e5d4c3b2a
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# A signing key and its JWKS, served as the identity provider.
openssl genrsa -out "$WORK/key.pem" 2048 2>/dev/null
MODULUS="$(openssl rsa -in "$WORK/key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)"
mkdir -p "$WORK/idp"
printf '{"keys":[{"kty":"RSA","kid":"bench","use":"sig","alg":"RS256","n":"%s","e":"AQAB"}]}' "$MODULUS" \
    > "$WORK/idp/jwks.json"
(cd "$WORK/idp" && exec python3 -m http.server "$IDP_PORT" --bind 127.0.0.1 >/dev/null 2>&1) &
PIDS+=($!)

token() { # roles as a JSON array
    local header payload
    header="$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)"
    payload="$(printf '{"iss":"bench-issuer","aud":"api://tenant-portal-bench","sub":"bench","tid":"%s","roles":%s,"iat":%d,"exp":%d}' \
        "$MSSP_TID" "$1" "$(date +%s)" "$(( $(date +%s) + 3600 ))" | b64url)"
    printf '%s.%s.%s' "$header" "$payload" \
        "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)"
}
ADMIN="$(token '["Portal.Admin"]')"
READER="$(token '["Portal.Read"]')"

psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

QUARKUS_HTTP_PORT=$APP_PORT \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:$IDP_PORT" QUARKUS_OIDC_DISCOVERY_ENABLED=false \
QUARKUS_OIDC_JWKS_PATH=jwks.json QUARKUS_OIDC_TOKEN_ISSUER=bench-issuer \
QUARKUS_OIDC_CLIENT_ID=tenant-portal-bench QUARKUS_OIDC_TOKEN_AUDIENCE=api://tenant-portal-bench \
QUARKUS_OIDC_WEB_TENANT_ENABLED=false \
TENANTPORTAL_MSSPS__BENCH__TENANT_ID=$MSSP_TID \
    java -Xmx256m -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=($APP_PID)
for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null && break
    sleep 1
done
curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null || { cat "$WORK/app.log"; exit 1; }

echo "seeding $CUSTOMERS customers ..."
seed() {
    curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
        -d "{\"displayName\":\"Customer $1 Ltd\",\"defaultDomain\":\"customer$1.example\",\"aliases\":[\"C$1\"]}" \
        "http://127.0.0.1:$APP_PORT/tenants/$(printf '%08x-0000-4000-8000-%012d' "$1" "$1")"
}
export -f seed
export ADMIN APP_PORT
seq 1 "$CUSTOMERS" | xargs -P 8 -I{} bash -c 'seed {}'
# What autovacuum would do soon after a bulk load; without it the planner sees empty tables.
psql -h 127.0.0.1 -U postgres -d "$DB" -qc "ANALYZE"
curl -sf -H "Authorization: Bearer $READER" "http://127.0.0.1:$APP_PORT/tenants?size=1" | grep -o '"total":[0-9]*'

# wrk spreads requests over display names, aliases and domains.
cat > "$WORK/names.lua" <<LUA
local n = $CUSTOMERS
local i = 0
request = function()
  i = i + 1
  local k = (i % n) + 1
  local kinds = { "Customer%20" .. k .. "%20Ltd", "C" .. k, "customer" .. k .. ".example" }
  return wrk.format("GET", "/tenants/" .. kinds[(i % 3) + 1] .. "/portal")
end
LUA
echo "warm-up ..."
wrk -t2 -c"$CONNECTIONS" -d5s -s "$WORK/names.lua" -H "Authorization: Bearer $READER" \
    "http://127.0.0.1:$APP_PORT" >/dev/null
echo "== GET /tenants/{name}/portal: $CUSTOMERS customers, $CONNECTIONS connections, ${SECONDS_TO_RUN}s"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency -s "$WORK/names.lua" \
    -H "Authorization: Bearer $READER" "http://127.0.0.1:$APP_PORT"
echo "== unknown names (404 with trigram suggestions)"
wrk -t2 -c"$CONNECTIONS" -d"$(( SECONDS_TO_RUN / 2 ))s" --latency -H "Authorization: Bearer $READER" \
    "http://127.0.0.1:$APP_PORT/tenants/Custmer%20123/portal" | grep -E "Requests/sec|50%|99%|Non-2xx"
echo "== load average while measuring (other work on this machine skews the figures): $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== service resident memory: $(( $(awk '/VmRSS/ {print $2}' /proc/$APP_PID/status) / 1024 )) MiB (heap cap 256 MiB)"
