#!/usr/bin/env bash
# The reorder benchmark: builds the service, then measures it against four PostgreSQL floors
# (pgbench), in a database of its own on an embedded PostgreSQL or on the server of
# BENCH_DATABASE_URL=postgresql://user:password@host:port/db (created and dropped by the run).
# Tunables: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (40), BENCH_JAVA_OPTS, BENCH_SERVICE_JAVA_HOME.
# Results: target/bench/results.md
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v pgbench >/dev/null 2>&1 || missing+=(postgresql-client)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Install ${missing[*]} (Debian packages) first." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The JVM image runs Java 25 with an AOT cache: run the service on a Java 25 too, where there is one.
if [[ -z ${BENCH_SERVICE_JAVA_HOME:-} ]]; then
  for home in /usr/lib/jvm/*25*; do
    [[ -x $home/bin/java ]] && export BENCH_SERVICE_JAVA_HOME=$home && break
  done
fi

./mvnw -B -q -ntp package -DskipTests
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/test-classes:$(cat target/bench-classpath.txt)" io.trackorder.bench.ReorderBenchmark
