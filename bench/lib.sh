# Shared by the bench scripts (source it): the production build, a throw-away identity provider (an
# RSA key whose JWKS python's http.server serves), real RS256 bearer tokens from it, and tenant-portal
# started against a scratch PostgreSQL database on 127.0.0.1. Everything started is stopped on exit.
#
# Set before sourcing: APP_PORT, IDP_PORT, DB (scratch database), MSSP_TID (the MSSP "bench"),
# JVM_OPTS (array). Optional: MSSP2_TID (a second MSSP "bench2").

WORK="$(mktemp -d)"
OUT=bench/out
mkdir -p "$OUT"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

build_if_stale() {
    echo "== building (skipped when up to date)"
    [ -f target/quarkus-app/quarkus-run.jar ] && [ -z "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ] \
        || ./mvnw -B -q package -DskipTests
}

# Another bench on this machine may hold a port: refuse to start rather than measure someone else's service.
require_free_port() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        echo "port $1 is already in use on 127.0.0.1; stop what listens there or change the ports in $0"
        exit 1
    fi
}

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# A signing key and its JWKS, served as the identity provider.
start_idp() {
    require_free_port "$IDP_PORT"
    openssl genrsa -out "$WORK/key.pem" 2048 2>/dev/null
    local modulus
    modulus="$(openssl rsa -in "$WORK/key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)"
    mkdir -p "$WORK/idp"
    printf '{"keys":[{"kty":"RSA","kid":"bench","use":"sig","alg":"RS256","n":"%s","e":"AQAB"}]}' "$modulus" \
        > "$WORK/idp/jwks.json"
    (cd "$WORK/idp" && exec python3 -m http.server "$IDP_PORT" --bind 127.0.0.1 >/dev/null 2>&1) &
    PIDS+=($!)
}

token() { # $1 roles as a JSON array, $2 the tid (default: MSSP_TID); valid for two hours
    local header payload
    header="$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)"
    payload="$(printf '{"iss":"bench-issuer","aud":"api://tenant-portal-bench","sub":"bench","azp":"bench-client","tid":"%s","roles":%s,"iat":%d,"exp":%d}' \
        "${2:-$MSSP_TID}" "$1" "$(date +%s)" "$(( $(date +%s) + 7200 ))" | b64url)"
    printf '%s.%s.%s' "$header" "$payload" \
        "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)"
}

fresh_database() {
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
}

start_service() { # $1: extra JVM options; AUDIT=false switches the access log off; MISSES=n sets the miss limit (default off); JAVA=another java
    require_free_port "$APP_PORT"
    require_free_port "$((APP_PORT + 100))"
    env TENANTPORTAL_AUDIT_ACCESS="${AUDIT:-true}" TENANTPORTAL_LIMITS_MISSES="${MISSES:-0}" TENANTPORTAL_SYNC_INTERVAL=0 \
    QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_MANAGEMENT_PORT=$((APP_PORT + 100)) \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:$IDP_PORT" QUARKUS_OIDC_DISCOVERY_ENABLED=false \
    QUARKUS_OIDC_JWKS_PATH=jwks.json QUARKUS_OIDC_TOKEN_ISSUER=bench-issuer \
    QUARKUS_OIDC_CLIENT_ID=tenant-portal-bench QUARKUS_OIDC_TOKEN_AUDIENCE=api://tenant-portal-bench \
    QUARKUS_OIDC_WEB_TENANT_ENABLED=false QUARKUS_LOG_CONSOLE_JSON=false \
    TENANTPORTAL_MSSPS__BENCH__TENANT_ID=$MSSP_TID \
    ${MSSP2_TID:+TENANTPORTAL_MSSPS__BENCH2__TENANT_ID=$MSSP2_TID} \
        "${JAVA:-java}" "${JVM_OPTS[@]}" $1 -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
    APP_PID=$!
    PIDS+=($APP_PID)
}

await_ready() { # $1 port; prints milliseconds from $2 (ns) to ready
    for _ in $(seq 1 600); do
        if curl -sf "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1 \
            || { [ "$1" = "${BARE_PORT:-}" ] && curl -s -o /dev/null "http://127.0.0.1:$1/"; }; then
            echo $(( ($(date +%s%N) - $2) / 1000000 ))
            return
        fi
        sleep 0.05
    done
    cat "$WORK/app.log"; exit 1
}

heap_after_gc() { # MiB of Java heap in use after a full collection (the generations; not metaspace)
    jcmd "$1" GC.run >/dev/null
    jcmd "$1" GC.heap_info | awk '/generation|garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); s += v } } END { printf "%.1f", s / 1024 }'
}

stop_service() {
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
}
