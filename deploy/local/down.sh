#!/usr/bin/env bash
# Stop everything deploy/local/up.sh or test.sh started (services, Keycloak, Kafka, PostgreSQL), by
# pid, keeping the data. --purge also wipes .local/ (data, logs, downloaded servers) and the
# out-of-tree PostgreSQL cluster dir, if one was made. See deploy/local/README.md.
set -euo pipefail

PURGE=0
for arg in "$@"; do
  case "$arg" in
    --purge) PURGE=1 ;;
    -h|--help)
      echo "Usage: deploy/local/down.sh [--purge]"
      echo "  --purge  also delete .local/ (databases, Kafka data, Keycloak, logs) and any out-of-tree cluster dir"
      exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

# shellcheck source=lib/stack.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"

if [ ! -d "$LOCAL" ]; then
  info "nothing to stop: $LOCAL does not exist"
  exit 0
fi

services_down
keycloak_down
kafka_down
pg_down

# Anything still running from this checkout's .local (or the out-of-tree cluster dir)?
leftovers=""
for needle in "$LOCAL/" ${PGDATA_DIR:+"$PGDATA_DIR"}; do
  leftovers="$leftovers $(pids_matching "$needle")"
done
for p in $(echo "$leftovers" | tr ' ' '\n' | sort -u); do
  pid_alive "$p" || continue
  warn "process still running from $LOCAL: pid $p: $(pid_cmdline "$p" | cut -c1-160)"
  stop_pid "leftover" "$p" 10 || true
done

if [ "$PURGE" = 1 ]; then
  info "purging $LOCAL"
  pg_purge
  rm -rf "$LOCAL"
  ok "purged (Maven's ~/.m2 cache is kept)"
fi
ok "local stack stopped"
