#!/bin/bash
# Trains a Java 25 AOT cache for the packaged service with no database: the JVM image's build runs
# it, and so do the benchmarks, to measure what the image gets.
#
#   train-aot-cache.sh CACHE JAR     (JAVA: the java command, default java; JAVA_OPTS: its options)
#
# The run is given a database address that refuses connections, with the two steps that would stop
# the start there turned off (the migration and the schema check at start). The service then starts
# completely and answers a few API requests (503 or 401, as it does without a database), so the
# cache holds the classes of a whole start and of those requests, not only the ones loaded before
# the configuration is read, where a run with no database configured stops. SIGTERM ends the run,
# and the JVM writes CACHE as it exits. Needs only bash (requests through /dev/tcp), not curl.
set -euo pipefail

cache=$1
jar=$2
http_port=18080
management_port=19000
key='ak_0000000000000000000000000000000000000000'

export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:1/training
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:1/training
export QUARKUS_FLYWAY_MIGRATE_AT_START=false
export QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY=none
export QUARKUS_HTTP_PORT=$http_port QUARKUS_MANAGEMENT_PORT=$management_port
export QUARKUS_SHUTDOWN_DELAY_ENABLED=false QUARKUS_LOG_LEVEL=ERROR

# One HTTP/1.1 request; the status line is printed.
request() {
  local port=$1 method=$2 path=$3 header=$4 body=${5:-}
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n%s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
    "$method" "$path" "$header" "${#body}" "$body" >&3
  head -n 1 <&3
  exec 3<&-
}

# The run's output is shown only if the training fails.
log=$(mktemp)
service=
trap 'rm -f "$log"; [[ -z $service ]] || kill -KILL "$service" 2>/dev/null || true' EXIT
failed() {
  cat "$log" >&2
  echo "train-aot-cache.sh: $1" >&2
  exit 1
}

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
"${JAVA:-java}" ${JAVA_OPTS:-} -XX:AOTCacheOutput="$cache" -jar "$jar" >"$log" 2>&1 &
service=$!
waited=0
until request "$management_port" GET /q/health/live 'Accept: */*' >/dev/null 2>&1; do
  kill -0 "$service" 2>/dev/null || failed "the service ended before it started"
  ((++waited < 1200)) || failed "the service did not start within 2 minutes"
  sleep 0.1
done

for _ in 1 2 3; do
  request "$http_port" GET /v1/music/org_training/collections "X-API-Key: $key"
  request "$http_port" GET '/v1/music/org_training/collections/c1/tracks?limit=10' "X-API-Key: $key"
  request "$http_port" PATCH /v1/music/org_training/collections/c1/order "X-API-Key: $key" \
    '{"ordered_track_ids":["mtrack_1","mtrack_2"]}'
  request "$http_port" PATCH /v1/music/org_training/collections/c1/order "X-API-Key: $key" '{"ordered_track_ids":'
  request "$http_port" GET /releases/r1/tracks 'Authorization: Bearer e30.e30.e30'
  request "$http_port" POST /releases/r1/tracks/reorder 'Authorization: Bearer e30.e30.e30' '{"trackOrder":[]}'
  request "$management_port" GET /q/health/ready 'Accept: */*'
  request "$management_port" GET /q/metrics 'Accept: */*'
done >/dev/null

kill -TERM "$service"
wait "$service" || true
service=
[[ -s $cache ]] || failed "no AOT cache was written"
