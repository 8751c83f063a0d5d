#!/usr/bin/env bash
# THE test command (CI runs it through .ci/run): starts or reuses PostgreSQL (both databases
# bootstrapped), Kafka and Keycloak, runs `./mvnw -B verify` over all modules at the repo root
# (extra arguments go to Maven), then stops only what it started itself. Exits non-zero on any failure.
#
#   deploy/local/test.sh                     # everything
#   deploy/local/test.sh -pl services/identity -am
#   deploy/local/test.sh --fresh-db -Dtest=TenantsApiIT -Dsurefire.failIfNoSpecifiedTests=false
#
# Own options (consumed, not passed to Maven):
#   --keep-running   leave what this run started running afterwards
#   --fresh-db       drop and recreate the platform_test database before the run
#   --no-fault-tests skip the attribution-ingest fault tests that follow a green verify
#                    (services/attribution-ingest/fault/run.sh: its own throwaway PostgreSQL, Kafka and
#                    service on other ports, ~4 min; run only when the Maven run covered that module
#                    and was not narrowed with -Dtest)
set -euo pipefail

KEEP_RUNNING=0
FRESH_DB=""
FAULT_TESTS=1
MAVEN_ARGS=()
for arg in "$@"; do
  case "$arg" in
    --keep-running) KEEP_RUNNING=1 ;;
    --fresh-db) FRESH_DB=--fresh-test-db ;;
    --no-fault-tests) FAULT_TESTS=0 ;;
    *) MAVEN_ARGS+=("$arg") ;;
  esac
done

# shellcheck source=lib/stack.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"

MVN_PID=""
FAULT_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$MVN_PID" ] && pid_alive "$MVN_PID"; then
    info "interrupted: stopping Maven (pid $MVN_PID)"
    stop_pid Maven "$MVN_PID" 20 || true
  fi
  if [ -n "$FAULT_PID" ] && pid_alive "$FAULT_PID"; then
    info "interrupted: stopping the fault tests (pid $FAULT_PID; they stop their own servers)"
    stop_pid "fault tests" "$FAULT_PID" 90 || true
  fi
  if [ "$KEEP_RUNNING" = 1 ]; then
    info "--keep-running: leaving the servers up (deploy/local/down.sh stops them)"
  elif [ "$PG_STARTED$KAFKA_STARTED$KEYCLOAK_STARTED" != 000 ]; then
    info "stopping what this run started"
    infra_stop_started
  else
    info "servers were already running before this run: left running"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

T0="$(now_s)"
info "test run: CI=${CI:-false}, repo $REPO"
infra_up $FRESH_DB

# Where the tests find the stack (the services' own variables keep their local defaults).
export LOCAL_STACK=1
export LOCAL_STACK_PG_HOST="$BIND_HOST" LOCAL_STACK_PG_PORT="$PG_PORT"
export LOCAL_STACK_PG_SUPERUSER="$PG_SUPERUSER" LOCAL_STACK_PG_SUPERPASSWORD="$PG_SUPERPASS"
export LOCAL_STACK_TEST_DB=platform_test
export LOCAL_STACK_KAFKA="$BIND_HOST:$KAFKA_PORT"
export LOCAL_STACK_KEYCLOAK_URL="$KEYCLOAK_URL" LOCAL_STACK_OIDC_ISSUER="$KEYCLOAK_ISSUER"

T1="$(now_s)"
mvn_extra=()
[ "${CI:-}" = "true" ] && mvn_extra+=(-ntp)
info "running: ./mvnw -B ${mvn_extra[*]} verify ${MAVEN_ARGS[*]}"
rc=0
# In the background + wait, so that INT/TERM reach the trap at once (which then stops Maven).
(cd "$REPO" && exec ./mvnw -B "${mvn_extra[@]}" verify "${MAVEN_ARGS[@]}") &
MVN_PID=$!
wait "$MVN_PID" || rc=$?
MVN_PID=""
if [ "$rc" = 0 ]; then
  ok "verify passed in $(elapsed_since "$T1") (whole run $(elapsed_since "$T0"))"
else
  err "verify FAILED (exit $rc) after $(elapsed_since "$T1"); server logs in $LOG_DIR"
fi

# Step 2: the attribution-ingest fault tests (Kafka / PostgreSQL restarted and the service killed under
# load, the redirect during a Kafka outage), on servers of their own: the ones above are never touched.
# After a green verify only, and only when the Maven run covered that module (its jar is fresh) and was
# not narrowed to chosen tests (-Dtest=...).
fault_tests_apply() {
  local arg previous="" selected=""
  for arg in "${MAVEN_ARGS[@]}"; do
    case "$previous" in -pl|--projects) selected="$selected,$arg" ;; esac
    case "$arg" in
      -pl=*|--projects=*) selected="$selected,${arg#*=}" ;;
      -Dtest=*|-Dit.test=*) return 1 ;;   # a run of chosen tests only
    esac
    previous="$arg"
  done
  [ -z "$selected" ] || [[ "$selected" == *attribution-ingest* ]]
}
if [ "$rc" = 0 ] && [ "$FAULT_TESTS" = 1 ] && fault_tests_apply; then
  T2="$(now_s)"
  info "fault tests: services/attribution-ingest/fault/run.sh (logs: $LOCAL/fault/logs)"
  "$REPO/services/attribution-ingest/fault/run.sh" &
  FAULT_PID=$!
  wait "$FAULT_PID" || rc=$?
  FAULT_PID=""
  if [ "$rc" = 0 ]; then
    ok "fault tests passed in $(elapsed_since "$T2") (whole run $(elapsed_since "$T0"))"
  else
    err "fault tests FAILED (exit $rc) after $(elapsed_since "$T2"); logs in $LOCAL/fault/logs"
  fi
fi
exit "$rc"
