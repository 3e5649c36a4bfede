#!/usr/bin/env bash
# What a JFR recording's CPU samples were doing: the share of samples whose stack holds each of a few
# well-known layers (inclusive, so the shares overlap), and the hottest top frames.
#
#   bench/jfr-summary.sh bench/out/redirect.jfr
set -euo pipefail
FILE="$1"
jfr print --stack-depth 128 --events jdk.ExecutionSample "$FILE" | awk '
    /jdk.ExecutionSample/ { if (n++) flush(); stack = ""; top = ""; next }
    /line:/ { frame = $1; if (top == "") top = frame; stack = stack " " frame }
    function flush() {
        total++; tops[top]++
        if (stack ~ /org\.jose4j|io\.smallrye\.jwt|JwtClaims|RSASSA|java\.security\.Signature/) layer["token verification (jose4j, RSA)"]++
        if (stack ~ /io\.quarkus\.oidc/) layer["quarkus-oidc (all of it)"]++
        if (stack ~ /io\.tenantportal/) layer["tenant-portal code"]++
        if (stack ~ /io\.tenantportal\.tenant\.(NameKey|TenantResolver|NameIndex|MsspNames)/) layer["  name lookup (key, index)"]++
        if (stack ~ /io\.tenantportal\.audit/) layer["  access audit"]++
        if (stack ~ /org\.hibernate|io\.agroal|org\.postgresql/) layer["database (Hibernate, JDBC)"]++
        if (stack ~ /org\.jboss\.resteasy\.reactive|io\.quarkus\.resteasy\.reactive/) layer["Quarkus REST"]++
        if (stack ~ /io\.quarkus\.security|io\.quarkus\.vertx\.http\.runtime\.security/) layer["Quarkus security"]++
        if (stack ~ /io\.micrometer/) layer["Micrometer"]++
        if (stack ~ /io\.netty|io\.vertx\.core\.http/) layer["Netty / Vert.x HTTP"]++
        if (stack ~ /org\.jboss\.threads|EnhancedQueueExecutor/) layer["worker-thread pool"]++
    }
    END {
        flush()
        printf "%d CPU samples\n", total
        for (l in layer) printf "%5.1f%%  %s\n", 100 * layer[l] / total, l | "sort -rn"
        close("sort -rn")
        print "hottest top frames:"
        for (t in tops) printf "%5.1f%%  %s\n", 100 * tops[t] / total, t | "sort -rn | head -12"
    }'
