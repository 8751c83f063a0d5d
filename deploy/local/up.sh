#!/usr/bin/env bash
# Start the local stack on this Debian 12 machine, without Docker:
#   PostgreSQL 15 (own cluster, 127.0.0.1:5432), Apache Kafka (KRaft, 127.0.0.1:9092),
#   Keycloak (127.0.0.1:8180, realm podcast-platform), then the six services (8081-8086).
# Installs what is missing (Debian packages; Kafka jars and Keycloak from Maven Central).
# Idempotent: what already runs (pid file + live process + port answering) is reused.
# See deploy/local/README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: deploy/local/up.sh [--infra-only] [--no-build | --build] [-h|--help]

  --infra-only   start PostgreSQL, Kafka and Keycloak only (e.g. to run one service in quarkus:dev)
  --no-build     do not build; start the service jars that exist
  --build        build even when the jars look up to date
Environment: JAVA_OPTS (services' JVM options), *_START_TIMEOUT (seconds), LOCAL_STACK_STOP_SYSTEM_PG=1
(stop a Debian-packaged cluster that holds port 5432).
Stop with deploy/local/down.sh (add --purge to wipe .local/).
EOF
}

INFRA_ONLY=0
BUILD_MODE=auto
for arg in "$@"; do
  case "$arg" in
    --infra-only) INFRA_ONLY=1 ;;
    --no-build) BUILD_MODE=skip ;;
    --build) BUILD_MODE=force ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

# shellcheck source=lib/stack.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"

on_error() {
  if [ "$PG_STARTED$KAFKA_STARTED$KEYCLOAK_STARTED" != 000 ] || [ -n "${SERVICES_STARTED// /}" ]; then
    err "up.sh failed; what it started keeps running: deploy/local/down.sh stops it"
  fi
}
trap '[ $? = 0 ] || on_error' EXIT

T0="$(now_s)"
infra_up

if [ "$INFRA_ONLY" = 1 ]; then
  infra_print_table
  cat <<EOF

Infrastructure only (--infra-only). Run a service against it, e.g.:
  ./mvnw -pl services/identity quarkus:dev
Stop everything: deploy/local/down.sh
EOF
  ok "up in $(elapsed_since "$T0")"
  exit 0
fi

services_build "$BUILD_MODE"
services_start
services_wait
infra_print_table
services_print_table
[ -z "${SERVICES_SKIPPED// /}" ] || warn "skipped (no jar):$SERVICES_SKIPPED"
echo
ok "up in $(elapsed_since "$T0"); stop with deploy/local/down.sh"
