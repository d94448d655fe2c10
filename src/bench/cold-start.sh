#!/usr/bin/env bash
# Cold starts: the time from exec to the first answered API request, on a database migrated
# beforehand by the one-shot run (QUARKUS_INIT_AND_EXIT=true), with Flyway off at start, as a
# serverless or scaled-out instance starts. Each JVM below starts COLD_START_RUNS (5) times; the
# request is a collection list with an unknown API key, so it is answered (401) only after the key
# lookup in PostgreSQL. Uses the packaged application (./mvnw package first) and the server of
# COLD_START_DATABASE_URL=postgresql://user@host:port/db (default the local test server), where it
# creates and drops a database of its own. Java 25 runs with the AOT cache the benchmark trains
# (target/bench/app.aot), when it is there.
set -euo pipefail
cd "$(dirname "$0")/../.."

server=${COLD_START_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}
runs=${COLD_START_RUNS:-5}
database=trackorder_cold_start
jar=target/quarkus-app/quarkus-run.jar
[[ -f $jar ]] || { echo "Package the application first: ./mvnw package -DskipTests" >&2; exit 1; }

psql -q "$server" -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
trap 'psql -q "$server" -c "DROP DATABASE IF EXISTS $database"' EXIT

# postgresql://user@host:port/db -> the service's two URLs and user.
authority=${server#postgresql://}
user=${authority%%@*}
hostport=${authority#*@}
hostport=${hostport%%/*}
export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$hostport/$database"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$hostport/$database"
export QUARKUS_DATASOURCE_USERNAME=$user
export QUARKUS_HTTP_PORT=18080 QUARKUS_MANAGEMENT_PORT=19000 QUARKUS_LOG_LEVEL=WARN QUARKUS_SHUTDOWN_DELAY_ENABLED=false

QUARKUS_INIT_AND_EXIT=true java -jar "$jar" >/dev/null
export QUARKUS_FLYWAY_MIGRATE_AT_START=false

# One start: milliseconds from exec to the first HTTP answer of the API, wall clock and CPU (user
# and system, which a loaded machine stretches less).
start() {
  local began answered cpu
  began=$(date +%s%N)
  "$@" -jar "$jar" >/dev/null 2>&1 &
  local pid=$!
  until curl -s -o /dev/null -H 'X-API-Key: ak_0000000000000000000000000000000000000000' \
    "http://127.0.0.1:18080/v1/music/org_cold/collections"; do
    kill -0 "$pid" 2>/dev/null || { echo "the service exited" >&2; return 1; }
    sleep 0.01
  done
  answered=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$pid/stat")
  kill "$pid" && wait "$pid" || true
  echo "$(((answered - began) / 1000000)) $cpu"
}

measure() {
  local name=$1 walls=() cpus=() wall cpu
  shift
  for _ in $(seq "$runs"); do
    read -r wall cpu < <(start "$@")
    walls+=("$wall") cpus+=("$cpu")
  done
  printf '| %s | %s ms | %s ms | %s |\n' "$name" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "${walls[*]}"
}

median() {
  printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"
}

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| JVM | exec to first answer, median of $runs | its CPU time, median | every run's wall clock (ms) |"
echo "|---|---:|---:|---|"
measure "Java 17 ($(java -version 2>&1 | head -1 | cut -d'"' -f2)), -XX:+UseSerialGC -Xmx64m" \
  java -XX:+UseSerialGC -Xmx64m
for home in /usr/lib/jvm/*25*; do
  [[ -x $home/bin/java ]] || continue
  cache=()
  [[ -f target/bench/app.aot ]] && cache=(-XX:AOTCache=target/bench/app.aot)
  measure "Java 25, -XX:+UseSerialGC -Xmx64m ${cache[*]}" "$home/bin/java" -XX:+UseSerialGC -Xmx64m "${cache[@]}"
  break
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
