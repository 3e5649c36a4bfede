#!/usr/bin/env bash
# The suggestion search alone (no HTTP, no database): microseconds per query for each shape of unknown
# name that bench/redirect.sh sends, over the same bench names. Compare two commits in one sitting.
#
#   bench/suggestions.sh [customers=10000] [seconds per shape=2]
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath" >/dev/null
CLASSPATH="target/classes:$(cat "$WORK/classpath")"
javac -d "$WORK/classes" -cp "$CLASSPATH" bench/suggestions/SuggestionsBench.java
java -Xmx256m -cp "$WORK/classes:$CLASSPATH" io.tenantportal.tenant.SuggestionsBench "${1:-10000}" "${2:-2}"
