# shellcheck shell=bash
# Keycloak of the local stack: the Maven Central distribution (deploy/local/keycloak/pom.xml unpacks
# it into .local/keycloak), `kc.sh start-dev` on http://127.0.0.1:8180 with the realm
# deploy/local/keycloak/realm-podcast-platform.json imported. Bootstrap admin admin/admin (LOCAL ONLY).
# Requires common.sh.

KEYCLOAK_BASE="$LOCAL/keycloak"
KEYCLOAK_REALM_FILE="$DEPLOY_LOCAL_DIR/keycloak/realm-$KEYCLOAK_REALM.json"
KEYCLOAK_LOG="$LOG_DIR/keycloak.log"
KEYCLOAK_URL="http://$BIND_HOST:$KEYCLOAK_PORT"
KEYCLOAK_ISSUER="$KEYCLOAK_URL/realms/$KEYCLOAK_REALM"
: "${KEYCLOAK_HEAP_OPTS:=-Xms64m -Xmx512m}"
# Appended to kc.sh's own JAVA_OPTS (which already select G1: do not add another GC here).
: "${KEYCLOAK_EXTRA_JAVA_OPTS:=-XX:TieredStopAtLevel=1}"

keycloak_home() { echo "$KEYCLOAK_BASE/keycloak-$(pom_property keycloak.version)"; }

keycloak_fetch() {
  local version home t0
  version="$(pom_property keycloak.version)"
  [ -n "$version" ] || die "keycloak.version not found in $REPO/pom.xml"
  home="$(keycloak_home)"
  [ -x "$home/bin/kc.sh" ] && [ -f "$home/.complete" ] && return 0
  rm -rf "$home" "$KEYCLOAK_BASE/.markers"
  t0="$(now_s)"
  maven_fetch "Keycloak $version (org.keycloak:keycloak-quarkus-dist:$version:zip, ~190 MB)" \
    "$DEPLOY_LOCAL_DIR/keycloak/pom.xml" "$LOG_DIR/fetch-keycloak.log"
  [ -x "$home/bin/kc.sh" ] ||
    die "org.keycloak:keycloak-quarkus-dist:$version:zip did not unpack to $home (log: $LOG_DIR/fetch-keycloak.log)"
  touch "$home/.complete"
  ok "Keycloak $version unpacked in $home in $(elapsed_since "$t0")"
}

# The Keycloak JVM(s) of this checkout: kc.sh passes -Dkc.home.dir=<home>/bin/.. to java.
keycloak_java_pids() {
  local home; home="$(keycloak_home)"
  local p
  for p in $(pids_matching "-Dkc.home.dir=$home/bin/.."); do
    case "$(pid_cmdline "$p")" in *QuarkusEntryPoint*) echo "$p" ;; esac
  done
}

keycloak_running_pid() {
  local p
  p="$(read_pid keycloak)" && pid_matches "$p" "-Dkc.home.dir=$(keycloak_home)/bin/.." && { echo "$p"; return 0; }
  p="$(keycloak_java_pids | head -n1)"
  [ -n "$p" ] && { echo "$p"; return 0; }
  return 1
}

keycloak_ready() {
  curl -fsS -o /dev/null --max-time 3 "$KEYCLOAK_ISSUER/.well-known/openid-configuration" 2>/dev/null
}

realm_hash() { sha256sum "$KEYCLOAK_REALM_FILE" | cut -c1-64; }

keycloak_check_ports() {
  keycloak_running_pid >/dev/null && return 0
  if port_open "$KEYCLOAK_PORT"; then
    fail_port_taken Keycloak "$KEYCLOAK_PORT" "If it is the Keycloak of another checkout, stop it with that checkout's deploy/local/down.sh"
  fi
}

# keycloak_launch: start (non-blocking) or find the running server. Sets KEYCLOAK_STARTED.
keycloak_launch() {
  KEYCLOAK_STARTED=0
  [ -f "$KEYCLOAK_REALM_FILE" ] || die "realm file missing: $KEYCLOAK_REALM_FILE"
  if KEYCLOAK_PID="$(keycloak_running_pid)"; then
    KEYCLOAK_REUSED=1
    if [ -f "$KEYCLOAK_BASE/realm.sha256" ] && [ "$(cat "$KEYCLOAK_BASE/realm.sha256")" != "$(realm_hash)" ]; then
      warn "$KEYCLOAK_REALM_FILE changed since the running Keycloak imported it:"
      warn "  run deploy/local/down.sh then up.sh (or test.sh) to re-import it"
    fi
    return 0
  fi
  KEYCLOAK_REUSED=0
  keycloak_check_ports
  keycloak_fetch
  local home; home="$(keycloak_home)"
  # Realm: imported at start when absent. When the realm file changed since the last import, reset
  # the dev database (data/h2) so the new file is imported (users created at run time are lost).
  if [ -d "$home/data/h2" ] && { [ ! -f "$KEYCLOAK_BASE/realm.sha256" ] ||
       [ "$(cat "$KEYCLOAK_BASE/realm.sha256")" != "$(realm_hash)" ]; }; then
    info "realm file changed since the last import: resetting Keycloak's dev database ($home/data/h2)"
    rm -rf "$home/data/h2"
  fi
  mkdir -p "$home/data/import"
  rm -f "$home/data/import/"*.json
  cp "$KEYCLOAK_REALM_FILE" "$home/data/import/"
  info "starting Keycloak $(pom_property keycloak.version) on $KEYCLOAK_URL (log: $KEYCLOAK_LOG)"
  [ -f "$KEYCLOAK_BASE/realm.sha256" ] || info "  first start: Keycloak builds itself for dev mode and imports the realm (about 1 min)"
  local launcher
  launcher="$(KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
      JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP_OPTS" JAVA_OPTS_APPEND="$KEYCLOAK_EXTRA_JAVA_OPTS" \
      KC_LOG_CONSOLE_COLOR=false \
      start_detached "$KEYCLOAK_LOG" "$home/bin/kc.sh" start-dev \
        --http-host="$BIND_HOST" --http-port="$KEYCLOAK_PORT" \
        --hostname="$KEYCLOAK_URL" --import-realm)"
  write_pid keycloak-launcher "$launcher"
  KEYCLOAK_PID="$launcher"
  KEYCLOAK_STARTED=1
  KEYCLOAK_T0="$(now_s)"
}

_keycloak_launcher_alive() {
  local l; l="$(read_pid keycloak-launcher)" || return 1
  pid_alive "$l" || [ -n "$(keycloak_java_pids)" ]
}

keycloak_wait() {
  if [ "${KEYCLOAK_REUSED:-0}" = 1 ] && keycloak_ready; then
    write_pid keycloak "$KEYCLOAK_PID"
    ok "Keycloak already running (pid $KEYCLOAK_PID), reused"
    return 0
  fi
  local start rc=1
  start="$(now_s)"
  while [ $(( $(now_s) - start )) -lt "$KEYCLOAK_START_TIMEOUT" ]; do
    if keycloak_ready; then rc=0; break; fi
    if [ "${KEYCLOAK_REUSED:-0}" = 0 ] && ! _keycloak_launcher_alive; then rc=2; break; fi
    sleep 2
  done
  if [ "$rc" = 2 ]; then
    show_log_tail "$KEYCLOAK_LOG" 40
    remove_pid keycloak-launcher
    die "Keycloak exited during start-up (log: $KEYCLOAK_LOG)"
  elif [ "$rc" != 0 ]; then
    show_log_tail "$KEYCLOAK_LOG" 40
    die "Keycloak not ready at $KEYCLOAK_ISSUER within ${KEYCLOAK_START_TIMEOUT}s (log: $KEYCLOAK_LOG)"
  fi
  # kc.sh forks java (and may exec a second one after its build step): record the JVM that listens.
  local jpid
  jpid="$(port_listener_pids "$KEYCLOAK_PORT" | head -n1)"
  [ -n "$jpid" ] || jpid="$(keycloak_java_pids | head -n1)"
  KEYCLOAK_PID="$jpid"
  write_pid keycloak "$jpid"
  realm_hash >"$KEYCLOAK_BASE/realm.sha256"
  if [ "${KEYCLOAK_REUSED:-0}" = 1 ]; then ok "Keycloak running (pid $jpid), reused"
  else ok "Keycloak up (java pid $jpid) in $(elapsed_since "$KEYCLOAK_T0")"; fi
}

keycloak_down() {
  local pids="" p stopped=0 l
  p="$(read_pid keycloak)" && pid_alive "$p" && pids="$p"
  pids="$pids $(keycloak_java_pids)"
  for p in $(echo "$pids" | tr ' ' '\n' | sort -u); do
    pid_alive "$p" || continue
    info "stopping Keycloak (java pid $p)"
    stop_pid Keycloak "$p" "$STOP_TIMEOUT"
    stopped=1
  done
  # The kc.sh launcher ends with its java; make sure.
  if l="$(read_pid keycloak-launcher)" && pid_matches "$l" "kc.sh"; then
    stop_pid "Keycloak launcher" "$l" 5 || true
  fi
  remove_pid keycloak; remove_pid keycloak-launcher
  if [ "$stopped" = 1 ]; then ok "Keycloak stopped"; else info "Keycloak not running"; fi
}

keycloak_purge() { rm -rf "$KEYCLOAK_BASE"; }
