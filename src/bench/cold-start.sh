#!/usr/bin/env bash
# Cold starts: the time from exec to the first answered API request, on a database migrated
# beforehand by the one-shot run (QUARKUS_INIT_AND_EXIT=true), with Flyway off at start, as a
# serverless or scaled-out instance starts. The request is a collection list with an unknown API
# key, so it is answered (401) only after the key lookup in PostgreSQL. Uses the packaged
# application (./mvnw package first) and the server of
# COLD_START_DATABASE_URL=postgresql://user@host:port/db (default the local test server), where it
# creates and drops a database of its own.
# Measured, in COLD_START_RUNS (5) interleaved rounds: Java 17; and, where there is a Java 25 under
# /usr/lib/jvm, Java 25 without an AOT cache and with three: one of a run with no database
# configured (it stops before the HTTP server starts), one trained as the JVM image trains it
# (src/main/docker/train-aot-cache.sh: no database either), and one of a run that reached the
# database and answered a request (what a training with a database would give).
set -euo pipefail
cd "$(dirname "$0")/../.."

server=${COLD_START_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}
runs=${COLD_START_RUNS:-5}
database=trackorder_cold_start
jar=target/quarkus-app/quarkus-run.jar
caches=target/cold-start
options=(-XX:+UseSerialGC -Xmx64m)
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

# Polls the API until it answers; fails if the process $1 ends first.
await_answer() {
  until curl -s -o /dev/null -H 'X-API-Key: ak_0000000000000000000000000000000000000000' \
    "http://127.0.0.1:18080/v1/music/org_cold/collections"; do
    kill -0 "$1" 2>/dev/null || { echo "the service exited" >&2; return 1; }
    sleep 0.01
  done
}

# One start: milliseconds from exec to the first HTTP answer of the API, wall clock and CPU (user
# and system, which a loaded machine stretches less).
start() {
  local began answered cpu
  began=$(date +%s%N)
  "$@" -jar "$jar" >/dev/null 2>&1 &
  local pid=$!
  await_answer "$pid"
  answered=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$pid/stat")
  kill "$pid" && wait "$pid" || true
  echo "$(((answered - began) / 1000000)) $cpu"
}

median() {
  printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"
}

# The configurations: a name each, and its java command (paths without spaces, split on them).
names=() commands=()
add() {
  names+=("$1")
  shift
  commands+=("$*")
}

add "Java 17 ($(java -version 2>&1 | head -1 | cut -d'"' -f2)), ${options[*]}" java "${options[@]}"
for home in /usr/lib/jvm/*25*; do
  [[ -x $home/bin/java ]] || continue
  java25=("$home/bin/java" "${options[@]}")
  mkdir -p "$caches"
  rm -f "$caches"/*.aot
  # With no database configured: the run ends (status 1) before the HTTP server starts.
  env -u QUARKUS_DATASOURCE_REACTIVE_URL -u QUARKUS_DATASOURCE_JDBC_URL \
    "${java25[@]}" -XX:AOTCacheOutput="$caches/unconfigured.aot" -jar "$jar" >/dev/null 2>&1 || true
  # As the image's build trains it: started against an address that refuses connections.
  JAVA=${java25[0]} JAVA_OPTS="${options[*]}" bash src/main/docker/train-aot-cache.sh "$caches/image.aot" "$jar"
  # A run that reaches the database and answers a request; the JVM writes the cache as SIGTERM ends it.
  "${java25[@]}" -XX:AOTCacheOutput="$caches/answered.aot" -jar "$jar" >/dev/null 2>&1 &
  await_answer $!
  kill $! && wait $! || true
  add "Java 25, ${options[*]}, no AOT cache" "${java25[@]}"
  add "Java 25, AOT cache of a run with no database configured" \
    "${java25[@]}" -XX:AOTCache="$caches/unconfigured.aot"
  add "Java 25, AOT cache trained as the image trains it (train-aot-cache.sh)" \
    "${java25[@]}" -XX:AOTCache="$caches/image.aot"
  add "Java 25, AOT cache of a run that reached the database and answered" \
    "${java25[@]}" -XX:AOTCache="$caches/answered.aot"
  break
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A walls cpus
for _ in $(seq "$runs"); do
  for i in "${!names[@]}"; do
    # shellcheck disable=SC2086 # the command is split on purpose
    read -r wall cpu < <(start ${commands[i]})
    walls[$i]+="$wall " cpus[$i]+="$cpu "
  done
done

echo "Load average before the starts: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| JVM | exec to first answer, median of $runs | its CPU time, median | every run's wall clock (ms) |"
echo "|---|---:|---:|---|"
for i in "${!names[@]}"; do
  # shellcheck disable=SC2086
  printf '| %s | %s ms | %s ms | %s |\n' "${names[i]}" "$(median ${walls[$i]})" "$(median ${cpus[$i]})" "${walls[$i]% }"
done
