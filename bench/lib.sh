# Shared by the bench scripts (source it): the production build, a throw-away identity provider (an
# RSA key whose JWKS python's http.server serves), real RS256 bearer tokens from it, and tenant-portal
# started against a scratch PostgreSQL database on 127.0.0.1. Everything started is stopped on exit.
#
# Set before starting anything (redirect_bench_settings sets them all): APP_PORT, IDP_PORT, DB (scratch
# database), MSSP_TID (the MSSP "bench"), JVM_OPTS (array); BARE_PORT for the bare app. Optional:
# MSSP2_TID (a second MSSP "bench2").

WORK="$(mktemp -d)"
OUT="$PWD/bench/out"   # absolute: the service runs in target/quarkus-app
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
    # As shipped: from the build's AppCDS archive (quarkus.package.jar.appcds.enabled), which loads only
    # from the app's own directory. Not with another archive or cache in $1, nor with another java (an
    # archive fits one JDK build), nor when $1 says "@noarchive" (the plain start, for comparison).
    local archive=""
    if [[ "$1" != *@noarchive* && "$1" != *Archive* && "$1" != *AOTCache* && -z "${JAVA:-}" ]] \
        && [ -f target/quarkus-app/app-cds.jsa ]; then
        archive="-XX:SharedArchiveFile=app-cds.jsa"
    fi
    env TENANTPORTAL_AUDIT_ACCESS="${AUDIT:-true}" TENANTPORTAL_LIMITS_MISSES="${MISSES:-0}" TENANTPORTAL_SYNC_INTERVAL=0 \
    QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_MANAGEMENT_PORT=$((APP_PORT + 100)) \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:$IDP_PORT" QUARKUS_OIDC_DISCOVERY_ENABLED=false \
    QUARKUS_OIDC_JWKS_PATH=jwks.json QUARKUS_OIDC_TOKEN_ISSUER=bench-issuer \
    QUARKUS_OIDC_CLIENT_ID=tenant-portal-bench QUARKUS_OIDC_TOKEN_AUDIENCE=api://tenant-portal-bench \
    QUARKUS_OIDC_WEB_TENANT_ENABLED=false QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    TENANTPORTAL_MSSPS__BENCH__TENANT_ID=$MSSP_TID \
    ${MSSP2_TID:+TENANTPORTAL_MSSPS__BENCH2__TENANT_ID=$MSSP2_TID} \
        bash -c 'cd target/quarkus-app && exec "$@" -jar quarkus-run.jar' - "${JAVA:-java}" "${JVM_OPTS[@]}" $archive ${1//@noarchive/} \
        > "$WORK/app.log" 2>&1 &
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

build_bare_if_missing() { # the bare Quarkus app answering a fixed 302, the yardstick beside tenant-portal
    [ -f bench/bare/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -f bench/bare/pom.xml package -DskipTests
}

start_bare() { # the bare app on BARE_PORT with JVM_OPTS; sets BARE_PID
    java "${JVM_OPTS[@]}" -Dquarkus.http.port=$BARE_PORT -jar bench/bare/target/quarkus-app/quarkus-run.jar > "$WORK/bare.log" 2>&1 &
    BARE_PID=$!
    PIDS+=($BARE_PID)
}

median() { # $1 a file of numbers, one a line
    sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) }'
}

archive_taken() { # stops the bench when the last start refused its class archive (it would start the slow way)
    ! grep -q "warning\]\[cds" "$WORK/app.log" || { echo "an AppCDS archive was refused"; cat "$WORK/app.log"; exit 1; }
}

resident_mib() { # $1 a pid: its resident size now, in MiB
    echo $(( $(awk '/VmRSS/ { print $2 }' "/proc/$1/status") / 1024 ))
}

mb() { # $1 MiB as MB (10^6 bytes), the unit of the issue's 250 MB target
    echo $(( $1 * 1048576 / 1000000 ))
}

requests_served() { # requests tenant-portal on APP_PORT has answered since it started, from its metrics
    curl -s "http://127.0.0.1:$((APP_PORT + 100))/q/metrics" | awk '/^http_server_requests_seconds_count/ { s += $2 } END { printf "%d", s }'
}

stop_service() {
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
}

seed_customers() { # $1 customers, 5 names each (display name, 2 aliases, 2 domains), for the MSSP MSSP_TID
    echo "== seeding $1 customers, 5 names each (display name, 2 aliases, 2 domains)"
    local CUSTOMERS="$1"
    # Straight into the tables, with the keys NameKey gives these ASCII names; the service reads them at start.
    psql -h 127.0.0.1 -U postgres -d "$DB" -q <<SQL
INSERT INTO customer (mssp_id, tenant_id, display_name, default_domain, initial_domain, domains, aliases, source)
SELECT m.id, CAST(lpad(to_hex(i), 8, '0') || '-0000-4000-8000-' || lpad(CAST(i AS text), 12, '0') AS uuid),
       'Customer ' || i || ' Ltd', 'customer' || i || '.example', 'customer' || i || '.onmicrosoft.com',
       ARRAY['customer' || i || '.example'], ARRAY['C' || i, 'Cust-' || i], 'import'
FROM mssp m, generate_series(1, $CUSTOMERS) AS i WHERE m.tenant_id = '$MSSP_TID';
INSERT INTO customer_name (mssp_id, customer_id, kind, name, name_key, loose_key)
SELECT mssp_id, id, kind, name, lower(name), loose FROM (
    SELECT c.mssp_id, c.id, 'display_name' AS kind, c.display_name AS name,
           'customer' || substring(c.display_name from '[0-9]+') AS loose FROM customer c
    UNION ALL SELECT c.mssp_id, c.id, 'alias', c.aliases[1], lower(c.aliases[1]) FROM customer c
    UNION ALL SELECT c.mssp_id, c.id, 'alias', c.aliases[2], replace(lower(c.aliases[2]), '-', '') FROM customer c
    UNION ALL SELECT c.mssp_id, c.id, 'domain', c.default_domain, NULL FROM customer c
    UNION ALL SELECT c.mssp_id, c.id, 'domain', c.initial_domain, NULL FROM customer c) names;
SQL
}

redirect_bench_settings() { # the ports, scratch database, MSSP and JVM settings of bench/redirect.sh and bench/start.sh
    APP_PORT=18081
    BARE_PORT=18083
    IDP_PORT=18082
    DB=tenantportal_bench
    MSSP_TID=0e6c1d2a-5b4f-4c3e-9a8d-7f6e5d4c3b2a
    # The same JVM settings for both apps: a small heap that gives memory back (the free ratios), a
    # smaller code cache and thread stacks, and glibc told to keep fewer malloc arenas and to return
    # freed native memory: what a container with a tight memory limit would run with. The heap starts
    # at 64 MiB, no more than it holds at steady state anyway: from 32 MiB it grew in small steps during
    # start-up, a full collection each (bench/start.sh: about 0.4 s of a 4-5 s start).
    # The young generation is held at 20 MiB (-Xmn20m): left to itself it grows to a third of the heap
    # under load and its pages stay resident (31 MiB of young generation resident beside 64 MiB of old
    # in one run); held, resident size ended 12-13 MiB lower at the same throughput (two 30 s probes).
    JVM_OPTS=(-Xms64m -Xmx128m -Xmn20m -XX:+UseSerialGC -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=20 -Xss512k
        -XX:ReservedCodeCacheSize=64m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000)
    export MALLOC_ARENA_MAX=2
}
