# shellcheck shell=bash
# The six Quarkus services of the local stack, each `java -jar services/<dir>/target/quarkus-app/quarkus-run.jar`.
# Requires common.sh (and the infra up: PostgreSQL, Kafka, Keycloak).

# name | module dir under services/ | port | schema (roles <schema>_owner / <schema>_app)
SERVICES_TABLE="
identity|identity|8081|identity
catalog|catalog|8082|catalog
commerce|commerce|8083|commerce
attribution-ingest|attribution-ingest|8084|ingest
analytics-query|analytics-query|8085|analytics
billing|billing|8086|billing
"
: "${SERVICES_JAVA_OPTS:=${JAVA_OPTS:--Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m -Xss512k}}"
: "${BUILD_TIMEOUT:=2400}"
# attribution-ingest answers the pixel and the download redirect (goal: p99 < 5 ms at 2,000 requests/s) and takes
# bulk batches, so it runs G1 with a fixed young generation instead of SERVICES_JAVA_OPTS' collector: a 5 ms pause
# target alone shrank the young generation to ~21 MB under bulk load (1,700 collections per run, a third of the
# service's CPU); with 256 MB G1 still took a quarter of it, with 768 MB about a quarter of that (2026-12-06). The
# same options as bench/run.sh and the helm values' GC_CONTAINER_OPTIONS (see services/attribution-ingest/bench/README.md,
# "Throughput work of 2026-12-06"). Empty: as the others.
: "${INGEST_GC_OPTS=-XX:+UseG1GC -XX:MaxGCPauseMillis=10 -Xms1536m -Xmx1536m -Xmn768m}"

# The JVM options of one service: SERVICES_JAVA_OPTS, for attribution-ingest with INGEST_GC_OPTS in place of its
# collector choice (the JVM refuses two collectors; a later -Xmx wins).
service_java_opts() {
  local opt opts=""
  if [ "$1" != attribution-ingest ] || [ -z "$INGEST_GC_OPTS" ]; then
    echo "$SERVICES_JAVA_OPTS"
    return 0
  fi
  for opt in $SERVICES_JAVA_OPTS; do
    case "$opt" in
      -XX:+Use*GC) ;;
      *) opts="$opts $opt" ;;
    esac
  done
  echo "${opts# } $INGEST_GC_OPTS"
}

services_each() { printf '%s\n' "$SERVICES_TABLE" | sed '/^$/d'; }

# The environment the local stack gives a service, one NAME=value a line, for `env`:
#   service_env <schema> <port>   (the servers: BIND_HOST, PG_PORT, KAFKA_PORT, KEYCLOAK_PORT and KEYCLOAK_REALM of common.sh)
# Callers that run the service elsewhere (the benchmark, the fault tests) put their own NAME=value after these: for
# `env`, the later one wins.
service_env() {
  local schema="$1" port="$2"
  printf '%s\n' \
    "HTTP_HOST=$BIND_HOST" "HTTP_PORT=$port" \
    "DB_HOST=$BIND_HOST" "DB_PORT=$PG_PORT" "DB_NAME=platform" \
    "DB_USER=${schema}_app" "DB_PASSWORD=${schema}_app" \
    "DB_MIGRATION_USER=${schema}_owner" "DB_MIGRATION_PASSWORD=${schema}_owner" \
    "KAFKA_BOOTSTRAP_SERVERS=$BIND_HOST:$KAFKA_PORT" \
    "OIDC_AUTH_SERVER_URL=http://$BIND_HOST:$KEYCLOAK_PORT/realms/$KEYCLOAK_REALM" \
    "LOG_JSON=false" \
    "IP_HASH_SECRET=local-only-ip-hash-secret-change-me" \
    "INTEGRATION_SECRET_KEY=local-only-integration-secret-key-change-me"
}

service_jar() { echo "$REPO/services/$1/target/quarkus-app/quarkus-run.jar"; }

# True when some existing service module has no jar, or a source/pom newer than its jar.
services_need_build() {
  local name dir port schema jar newer
  while IFS='|' read -r name dir port schema; do
    [ -f "$REPO/services/$dir/pom.xml" ] || continue
    jar="$(service_jar "$dir")"
    [ -f "$jar" ] || return 0
    newer="$(find "$REPO/pom.xml" "$REPO/services/$dir/pom.xml" "$REPO/services/$dir/src" \
               "$REPO"/libs/*/pom.xml "$REPO"/libs/*/src -newer "$jar" -type f -print -quit 2>/dev/null)"
    [ -n "$newer" ] && return 0
  done < <(services_each)
  return 1
}

services_build() {
  local mode="${1:-auto}"   # auto | force | skip
  if [ "$mode" = skip ]; then info "--no-build: using the existing service jars"; return 0; fi
  if ! ls "$REPO"/services/*/pom.xml >/dev/null 2>&1; then
    warn "no service modules under $REPO/services yet: nothing to build"
    return 0
  fi
  if [ "$mode" = auto ] && ! services_need_build; then
    info "service jars are up to date (newer than their sources): no build (use --build to force)"
    return 0
  fi
  local log="$LOG_DIR/build.log" t0 rc=0
  t0="$(now_s)"
  info "building all modules: ./mvnw -B -q -DskipTests package (log: $log)"
  timeout "$BUILD_TIMEOUT" bash -c 'cd "$1" && shift && ./mvnw "$@"' _ "$REPO" \
    -B -q -DskipTests package >"$log" 2>&1 || rc=$?
  if [ "$rc" != 0 ]; then
    show_log_tail "$log" 60
    [ "$rc" = 124 ] && die "the build did not finish within ${BUILD_TIMEOUT}s (log: $log)"
    die "the build failed (log: $log)"
  fi
  ok "build done in $(elapsed_since "$t0")"
}

service_running_pid() {
  local name="$1" dir="$2" p
  p="$(read_pid "$name")" && pid_matches "$p" "$(service_jar "$dir")" && { echo "$p"; return 0; }
  return 1
}

service_ready() {
  curl -fsS --max-time 3 "http://$BIND_HOST:$1/q/health/ready" 2>/dev/null | grep -q '"status" *: *"UP"'
}

SERVICES_STARTED=""
SERVICES_SKIPPED=""

services_start() {
  local name dir port schema jar pid
  SERVICES_STARTED=""; SERVICES_SKIPPED=""
  local pending=""
  while IFS='|' read -r name dir port schema; do
    jar="$(service_jar "$dir")"
    if pid="$(service_running_pid "$name" "$dir")"; then
      info "$name already running (pid $pid), reused"
      pending="$pending $name|$dir|$port|$pid|reused"
      continue
    fi
    if [ ! -f "$jar" ]; then
      warn "$name: no $jar (module not written or not built yet): skipped"
      SERVICES_SKIPPED="$SERVICES_SKIPPED $name"
      continue
    fi
    port_open "$port" && fail_port_taken "$name" "$port"
    info "starting $name on $BIND_HOST:$port (log: $LOG_DIR/$name.log)"
    local environment
    mapfile -t environment < <(service_env "$schema" "$port")
    # shellcheck disable=SC2086,SC2046
    pid="$(cd "$REPO/services/$dir" && start_detached "$LOG_DIR/$name.log" env "${environment[@]}" \
        java $(service_java_opts "$name") -jar "$jar")"
    write_pid "$name" "$pid"
    SERVICES_STARTED="$SERVICES_STARTED $name"
    pending="$pending $name|$dir|$port|$pid|started"
  done < <(services_each)
  SERVICES_PENDING="$pending"
}

services_wait() {
  local start t entry name dir port pid how left failed=""
  start="$(now_s)"
  left="$SERVICES_PENDING"
  while [ -n "${left// /}" ]; do
    local next=""
    for entry in $left; do
      IFS='|' read -r name dir port pid how <<<"$entry"
      if service_ready "$port"; then
        ok "$name ready on http://$BIND_HOST:$port ($how, pid $pid, $(elapsed_since "$start"))"
      elif ! pid_alive "$pid"; then
        show_log_tail "$LOG_DIR/$name.log" 30
        remove_pid "$name"
        failed="$failed $name"
        err "$name (pid $pid) exited during start-up (log: $LOG_DIR/$name.log)"
      else
        next="$next $entry"
      fi
    done
    left="$next"
    [ -z "${left// /}" ] && break
    t=$(( $(now_s) - start ))
    if [ "$t" -ge "$SERVICES_START_TIMEOUT" ]; then
      for entry in $left; do
        IFS='|' read -r name dir port pid how <<<"$entry"
        show_log_tail "$LOG_DIR/$name.log" 20
        err "$name not ready at http://$BIND_HOST:$port/q/health/ready within ${SERVICES_START_TIMEOUT}s (pid $pid, log: $LOG_DIR/$name.log)"
        failed="$failed $name"
      done
      break
    fi
    sleep 2
  done
  [ -z "$failed" ] || die "service(s) not ready:$failed (they keep running; deploy/local/down.sh stops everything)"
}

services_down() {
  local name dir port schema pid any=0
  while IFS='|' read -r name dir port schema; do
    local pids=""
    pid="$(read_pid "$name")" && pid_matches "$pid" "$(service_jar "$dir")" && pids="$pid"
    pids="$pids $(pids_matching "$(service_jar "$dir")")"
    for pid in $(echo "$pids" | tr ' ' '\n' | sort -u); do
      pid_alive "$pid" || continue
      info "stopping $name (pid $pid)"
      stop_pid "$name" "$pid" "$STOP_TIMEOUT"
      any=1
    done
    remove_pid "$name"
  done < <(services_each)
  [ "$any" = 1 ] || info "no service running"
}

services_print_table() {
  local name dir port schema state
  printf '\n%-20s %-8s %-34s %-44s %s\n' SERVICE STATE "SWAGGER UI" HEALTH LOG
  while IFS='|' read -r name dir port schema; do
    if service_ready "$port"; then state=UP; elif [ -f "$(service_jar "$dir")" ]; then state=DOWN; else state=absent; fi
    printf '%-20s %-8s %-34s %-44s %s\n' "$name" "$state" \
      "http://$BIND_HOST:$port/q/swagger-ui" "http://$BIND_HOST:$port/q/health/ready" "$LOG_DIR/$name.log"
  done < <(services_each)
  printf '  metrics: http://%s:<port>/q/metrics   db roles: <schema>_app (runtime) / <schema>_owner (migrations)\n' "$BIND_HOST"
}
