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
set -euo pipefail

KEEP_RUNNING=0
FRESH_DB=""
MAVEN_ARGS=()
for arg in "$@"; do
  case "$arg" in
    --keep-running) KEEP_RUNNING=1 ;;
    --fresh-db) FRESH_DB=--fresh-test-db ;;
    *) MAVEN_ARGS+=("$arg") ;;
  esac
done

# shellcheck source=lib/stack.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"

MVN_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$MVN_PID" ] && pid_alive "$MVN_PID"; then
    info "interrupted: stopping Maven (pid $MVN_PID)"
    stop_pid Maven "$MVN_PID" 20 || true
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
exit "$rc"
