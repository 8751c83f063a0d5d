# shellcheck shell=bash
# Orchestration shared by up.sh and test.sh: sources every helper and brings the infrastructure up.

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=postgres.sh
source "$LOCAL_LIB_DIR/postgres.sh"
# shellcheck source=kafka.sh
source "$LOCAL_LIB_DIR/kafka.sh"
# shellcheck source=keycloak.sh
source "$LOCAL_LIB_DIR/keycloak.sh"
# shellcheck source=services.sh
source "$LOCAL_LIB_DIR/services.sh"

# What THIS invocation started (test.sh stops exactly these on exit).
PG_STARTED=0 KAFKA_STARTED=0 KEYCLOAK_STARTED=0

# infra_up [--fresh-test-db]: PostgreSQL (+ bootstrap of both databases), Kafka and Keycloak,
# started or reused. Kafka and Keycloak start in parallel while PostgreSQL is bootstrapped.
infra_up() {
  local fresh_test_db="${1:-}"
  local t0; t0="$(now_s)"
  ensure_local_dirs
  ensure_base_tools
  check_java
  kafka_check_ports
  keycloak_check_ports
  pg_up
  # Downloads first (sequential Maven runs), then both JVMs start side by side.
  kafka_running_pid >/dev/null || kafka_fetch
  keycloak_running_pid >/dev/null || keycloak_fetch
  kafka_launch
  keycloak_launch
  [ "$fresh_test_db" = "--fresh-test-db" ] && pg_recreate_test_db
  pg_bootstrap
  kafka_wait
  keycloak_wait
  ok "infrastructure ready in $(elapsed_since "$t0")"
}

# Stop what this invocation started, newest first (used by test.sh's exit trap).
infra_stop_started() {
  [ "${KEYCLOAK_STARTED:-0}" = 1 ] && { keycloak_down || true; }
  [ "${KAFKA_STARTED:-0}" = 1 ] && { kafka_down || true; }
  [ "${PG_STARTED:-0}" = 1 ] && { pg_down || true; }
  return 0
}

infra_print_table() {
  cat <<EOF

Local stack (all on $BIND_HOST; LOCAL-ONLY credentials)
  PostgreSQL  $BIND_HOST:$PG_PORT   superuser postgres/postgres; databases platform (run), platform_test (tests)
              roles <schema>_owner / <schema>_app, password = role name; cluster: $PG_DIR
              log: $PG_LOG
  Kafka       $BIND_HOST:$KAFKA_PORT   (KRaft controller $BIND_HOST:$KAFKA_CONTROLLER_PORT)   log: $KAFKA_LOG
  Keycloak    $KEYCLOAK_URL/admin   (admin/admin)   issuer: $KEYCLOAK_ISSUER
              users alice@acme.test/alice, bob@globex.test/bob, victor@acme.test/victor, admin@platform.test/admin
              log: $KEYCLOAK_LOG
EOF
}
