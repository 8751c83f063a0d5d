# shellcheck shell=bash
# PostgreSQL 15 of the local stack: a cluster of the project's own, run as the `postgres` OS user,
# listening on 127.0.0.1:5432 only. Superuser `postgres`, password `postgres` (LOCAL ONLY).
# Requires common.sh.

PG_MAJOR=15
PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
PG_SUPERUSER=postgres
PG_SUPERPASS=postgres
PG_DATABASES=(platform platform_test)
PG_BOOTSTRAP_SQL="$DEPLOY_LOCAL_DIR/postgres/bootstrap.sql"
PG_LINK="$LOCAL/postgres"          # a directory, or a symlink to the out-of-tree cluster dir
PG_OUT_OF_TREE_BASE=/var/lib/postgresql/platform-local

pg_install() {
  ensure_packages "postgresql-$PG_MAJOR" "postgresql-$PG_MAJOR-partman" "postgresql-$PG_MAJOR-hll"
  [ -x "$PG_BIN/postgres" ] || die "PostgreSQL $PG_MAJOR binaries not found in $PG_BIN after install"
}

# Run a command as the postgres OS user (when root), from a directory it can read.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

pg_os_user() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

# Where the cluster lives. Sets PG_DIR (real path), PGDATA_DIR, PG_RUN_DIR, PG_LOG.
# In-tree ($REPO/.local/postgres) when the postgres OS user can traverse the repo path; otherwise a
# postgres-owned dir /var/lib/postgresql/platform-local/<hash of the repo path>, symlinked from
# $REPO/.local/postgres (down.sh --purge removes both).
pg_resolve_dir() {
  local create="${1:-create}"
  ensure_local_dirs
  if [ -L "$PG_LINK" ]; then
    PG_DIR="$(readlink "$PG_LINK")"
  elif [ -d "$PG_LINK" ]; then
    PG_DIR="$PG_LINK"
    if [ "$(id -u)" -eq 0 ] && [ "$create" = create ] && ! as_pg test -x "$PG_DIR"; then
      # The checkout moved to a path the postgres user cannot reach: move the cluster out of tree.
      local target; target="$(pg_out_of_tree_dir)"
      info "postgres cannot reach $PG_DIR any more: moving the cluster to $target (symlinked from $PG_LINK)"
      mkdir -p "$PG_OUT_OF_TREE_BASE"; chown postgres:postgres "$PG_OUT_OF_TREE_BASE"
      rm -rf "$target"; mv "$PG_DIR" "$target"; ln -s "$target" "$PG_LINK"
      PG_DIR="$target"
    fi
  else
    [ "$create" = create ] || { PG_DIR=""; return 1; }
    if [ "$(id -u)" -ne 0 ] || as_pg test -x "$LOCAL"; then
      PG_DIR="$PG_LINK"
      mkdir -p "$PG_DIR"
      info "PostgreSQL cluster dir: $PG_DIR (in the repo's ignored .local/)"
    else
      PG_DIR="$(pg_out_of_tree_dir)"
      info "the postgres OS user cannot traverse $REPO (e.g. a checkout under /root):"
      info "  the cluster lives in $PG_DIR (postgres-owned), symlinked as $PG_LINK; 'down.sh --purge' removes it"
      mkdir -p "$PG_OUT_OF_TREE_BASE"; chown postgres:postgres "$PG_OUT_OF_TREE_BASE"; chmod 700 "$PG_OUT_OF_TREE_BASE"
      mkdir -p "$PG_DIR"
      echo "$REPO" >"$PG_DIR/REPO_PATH"
      ln -sfn "$PG_DIR" "$PG_LINK"
    fi
  fi
  if [ "$create" = create ]; then
    mkdir -p "$PG_DIR/run"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_DIR" "$PG_DIR/run"; fi
    chmod 700 "$PG_DIR"
  fi
  PGDATA_DIR="$PG_DIR/data"
  PG_LOG="$PG_DIR/postgresql.log"
  # A unix socket path is limited to ~107 bytes: without room, PostgreSQL listens on TCP only.
  if [ "${#PG_DIR}" -le 80 ]; then PG_RUN_DIR="$PG_DIR/run"; else PG_RUN_DIR=""; fi
  # Make the server log visible next to the others.
  if [ "$create" = create ] && [ ! -e "$LOG_DIR/postgres.log" ]; then ln -sfn "$PG_LOG" "$LOG_DIR/postgres.log"; fi
  return 0
}

pg_out_of_tree_dir() {
  echo "$PG_OUT_OF_TREE_BASE/$(printf '%s' "$REPO" | sha256sum | cut -c1-12)"
}

# The postmaster pid of OUR cluster if it runs, else nothing (returns 1).
pg_running_pid() {
  [ -n "${PGDATA_DIR:-}" ] || return 1
  local p
  p="$(head -n1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null | tr -dc '0-9')" || return 1
  [ -n "$p" ] && pid_matches "$p" "$PGDATA_DIR" && { echo "$p"; return 0; }
  return 1
}

pg_psql() {
  # pg_psql DB [psql args...]  (superuser over TCP)
  local db="$1"; shift
  PGPASSWORD="$PG_SUPERPASS" PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -q -h "$BIND_HOST" -p "$PG_PORT" \
    -U "$PG_SUPERUSER" -d "$db" -v ON_ERROR_STOP=1 "$@"
}

pg_ready() { pg_psql postgres -tAc 'SELECT 1' >/dev/null 2>&1; }

pg_write_config() {
  local sockets="$PG_RUN_DIR"
  # Settings of the local stack, rewritten on each start (postgresql.conf only includes the file).
  cat >"$PGDATA_DIR/local-stack.conf" <<EOF
# Written by deploy/local/lib/postgres.sh on every start: edit there, not here.
listen_addresses = '$BIND_HOST'
port = $PG_PORT
unix_socket_directories = '$sockets'
max_connections = 200
# the ingest hot path writes tens of thousands of rows a second into tables and random-keyed indexes (the dedup
# claims): with the 128MB default the backends wrote out most dirty pages themselves, and every page touched again
# after a checkpoint went to the WAL whole (2026-12-06: 301,295 full-page images in 5.8 GB of WAL in 22 minutes of runs)
shared_buffers = ${PG_SHARED_BUFFERS:-1GB}
max_wal_size = 4GB
checkpoint_timeout = 15min
wal_compression = lz4
synchronous_commit = off
# the ingest benchmark reads when the transaction that stored its last event committed (pg_xact_commit_timestamp)
# instead of when one of its counts, seconds apart, happened to see it
track_commit_timestamp = on
timezone = 'UTC'
log_timezone = 'UTC'
log_line_prefix = '%m [%p] %q%u@%d '
log_min_messages = warning
# Do NOT preload pg_partman_bgw: it makes 'pg_ctl stop' hang.
EOF
  grep -q "^include_if_exists = 'local-stack.conf'" "$PGDATA_DIR/postgresql.conf" ||
    echo "include_if_exists = 'local-stack.conf'" >>"$PGDATA_DIR/postgresql.conf"
  cat >"$PGDATA_DIR/pg_hba.conf" <<EOF
# Written by deploy/local/lib/postgres.sh on every start. LOCAL ONLY.
# TYPE  DATABASE  USER      ADDRESS        METHOD
local   all       $(pg_os_user)  peer
local   all       all                      scram-sha-256
host    all       all       127.0.0.1/32   scram-sha-256
EOF
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PGDATA_DIR/local-stack.conf" "$PGDATA_DIR/pg_hba.conf"; fi
  chmod 600 "$PGDATA_DIR/local-stack.conf" "$PGDATA_DIR/pg_hba.conf"
}

pg_initdb() {
  info "initdb: new PostgreSQL $PG_MAJOR cluster in $PGDATA_DIR"
  local pwfile="$PG_DIR/.pwfile"
  printf '%s\n' "$PG_SUPERPASS" >"$pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pwfile"; fi
  chmod 600 "$pwfile"
  if ! as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U "$PG_SUPERUSER" --pwfile="$pwfile" \
      --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$LOG_DIR/initdb.log" 2>&1; then
    rm -f "$pwfile"
    show_log_tail "$LOG_DIR/initdb.log"
    die "initdb failed (log: $LOG_DIR/initdb.log)"
  fi
  rm -f "$pwfile"
}

# If 5432 is held by a Debian-packaged cluster (pg_lsclusters), say which; stop it only when this
# run installed PostgreSQL (the package auto-starts its 'main' cluster) or when asked to.
pg_handle_foreign_port() {
  local ver name status
  if command -v pg_lsclusters >/dev/null 2>&1; then
    while read -r ver name port status _; do
      [ "$port" = "$PG_PORT" ] || continue
      case "$status" in online*) ;; *) continue ;; esac
      if [ "${LOCAL_STACK_STOP_SYSTEM_PG:-0}" = 1 ] || [[ " $APT_INSTALLED_NOW " == *" postgresql-$PG_MAJOR "* ]]; then
        warn "port $PG_PORT is held by the Debian cluster $ver/$name: stopping it (pg_ctlcluster $ver $name stop)"
        pg_ctlcluster "$ver" "$name" stop -m fast || true
        if [ "$(id -u)" -eq 0 ] && [ -w "/etc/postgresql/$ver/$name/start.conf" ]; then
          echo manual >"/etc/postgresql/$ver/$name/start.conf"
          info "set /etc/postgresql/$ver/$name/start.conf to 'manual' so it does not take port $PG_PORT again"
        fi
        sleep 1
        port_open "$PG_PORT" || return 0
      fi
      fail_port_taken PostgreSQL "$PG_PORT" \
        "It is the Debian cluster $ver/$name: stop it with 'pg_ctlcluster $ver $name stop' or rerun with LOCAL_STACK_STOP_SYSTEM_PG=1"
    done < <(pg_lsclusters -h 2>/dev/null)
  fi
  fail_port_taken PostgreSQL "$PG_PORT"
}

# pg_up: start (or reuse) our cluster. Sets PG_STARTED=1 when this call started it.
pg_up() {
  PG_STARTED=0
  pg_install
  pg_resolve_dir create
  local pid t0; t0="$(now_s)"
  if pid="$(pg_running_pid)"; then
    if wait_until 10 "PostgreSQL" pg_ready; then
      write_pid postgres "$pid"
      ok "PostgreSQL already running (pid $pid), reused"
      return 0
    fi
    die "our PostgreSQL (pid $pid) runs but does not answer on $BIND_HOST:$PG_PORT (log: $PG_LOG)"
  fi
  if port_open "$PG_PORT"; then pg_handle_foreign_port; fi
  if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
    # Left by a crash (or its pid now belongs to another process): not ours, nothing listens.
    info "removing the stale $PGDATA_DIR/postmaster.pid"
    rm -f "$PGDATA_DIR/postmaster.pid"
  fi
  [ -f "$PGDATA_DIR/PG_VERSION" ] || pg_initdb
  pg_write_config
  info "starting PostgreSQL $PG_MAJOR on $BIND_HOST:$PG_PORT (data: $PGDATA_DIR)"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t "$PG_START_TIMEOUT" start >"$LOG_DIR/pg_ctl.log" 2>&1; then
    cat "$LOG_DIR/pg_ctl.log" >&2
    show_log_tail "$PG_LOG"
    die "PostgreSQL did not start within ${PG_START_TIMEOUT}s (log: $PG_LOG)"
  fi
  pid="$(pg_running_pid)" || die "PostgreSQL started but its pid is unknown (log: $PG_LOG)"
  write_pid postgres "$pid"
  wait_until 20 "PostgreSQL" pg_ready || die "PostgreSQL (pid $pid) does not accept connections on $BIND_HOST:$PG_PORT (log: $PG_LOG)"
  PG_STARTED=1
  ok "PostgreSQL up (pid $pid) in $(elapsed_since "$t0")"
}

# Create the databases (if absent) and run bootstrap.sql in each. Idempotent.
pg_bootstrap() {
  local db out
  for db in "${PG_DATABASES[@]}"; do
    if [ "$(pg_psql postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
      info "creating database $db"
      pg_psql postgres -c "CREATE DATABASE \"$db\" TEMPLATE template0 ENCODING 'UTF8'" ||
        die "could not create database $db (log: $PG_LOG)"
    fi
    if ! out="$(pg_psql "$db" -f "$PG_BOOTSTRAP_SQL" 2>&1)"; then
      printf '%s\n' "$out" >&2
      die "bootstrap of database $db failed ($PG_BOOTSTRAP_SQL)"
    fi
    info "$(printf '%s\n' "$out" | grep -v '^WARNING' | tail -n1)"
    printf '%s\n' "$out" | grep '^WARNING' >&2 || true
  done
}

# Drop and recreate the test database (test.sh --fresh-db).
pg_recreate_test_db() {
  info "recreating database platform_test"
  pg_psql postgres -c "DROP DATABASE IF EXISTS platform_test WITH (FORCE)" || die "could not drop platform_test"
}

pg_down() {
  pg_resolve_dir nocreate || { info "PostgreSQL: no cluster in $PG_LINK"; return 0; }
  local pid
  if ! pid="$(pg_running_pid)"; then
    remove_pid postgres
    info "PostgreSQL not running"
    return 0
  fi
  info "stopping PostgreSQL (pid $pid, pg_ctl stop -m fast)"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t "$STOP_TIMEOUT" stop >>"$LOG_DIR/pg_ctl.log" 2>&1; then
    warn "PostgreSQL did not stop in ${STOP_TIMEOUT}s: pg_ctl stop -m immediate"
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w -t 10 stop >>"$LOG_DIR/pg_ctl.log" 2>&1 || true
    stop_pid PostgreSQL "$pid" 5 || true
  fi
  remove_pid postgres
  ok "PostgreSQL stopped"
}

pg_purge() {
  if [ -L "$PG_LINK" ]; then
    local target; target="$(readlink "$PG_LINK")"
    case "$target" in
      "$PG_OUT_OF_TREE_BASE"/*) info "removing out-of-tree cluster dir $target"; rm -rf "$target" ;;
      *) warn "not removing unexpected symlink target $target" ;;
    esac
    rm -f "$PG_LINK"
  elif [ -d "$PG_LINK" ]; then
    rm -rf "$PG_LINK"
  fi
}
