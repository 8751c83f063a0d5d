# shellcheck shell=bash disable=SC2034
# Shared helpers of the local stack (sourced by up.sh, down.sh, test.sh). Not executable on its own.
#
# Layout (all under the ignored folder $REPO/.local):
#   .local/postgres -> PostgreSQL cluster dir (a real dir, or a symlink to /var/lib/postgresql/platform-local/<hash>
#                      when the postgres OS user cannot reach the repo path)
#   .local/kafka/{lib,data,config}   broker jars, KRaft data, server.properties + log4j2 config
#   .local/keycloak/keycloak-<ver>   unpacked Keycloak distribution (its dev H2 database lives in data/h2)
#   .local/logs/<name>.log           one log per server / service
#   .local/pids/<name>.pid           one pid per started process
#   .local/build                     Maven build dirs of the two helper poms

# ---------------------------------------------------------------------------------------------
# Paths and constants
# ---------------------------------------------------------------------------------------------
LOCAL_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEPLOY_LOCAL_DIR="$(cd "$LOCAL_LIB_DIR/.." && pwd)"
REPO="$(cd "$DEPLOY_LOCAL_DIR/../.." && pwd)"
LOCAL="$REPO/.local"
LOG_DIR="$LOCAL/logs"
PID_DIR="$LOCAL/pids"

BIND_HOST=127.0.0.1
PG_PORT=5432
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KEYCLOAK_PORT=8180
KEYCLOAK_REALM=podcast-platform

# Bounded waits (seconds); override through the environment when a machine is slow.
: "${PG_START_TIMEOUT:=60}"
: "${KAFKA_START_TIMEOUT:=120}"
: "${KEYCLOAK_START_TIMEOUT:=300}"
: "${SERVICES_START_TIMEOUT:=300}"
: "${STOP_TIMEOUT:=30}"
: "${MAVEN_FETCH_TIMEOUT:=1200}"
: "${APT_TIMEOUT:=900}"

export LC_ALL=C.UTF-8 2>/dev/null || true

# ---------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ] && [ "${CI:-}" != "true" ]; then
  _c_blue=$'\e[34m'; _c_yellow=$'\e[33m'; _c_red=$'\e[31m'; _c_green=$'\e[32m'; _c_off=$'\e[0m'
else
  _c_blue=; _c_yellow=; _c_red=; _c_green=; _c_off=
fi
_ts() { date +%H:%M:%S; }
info() { printf '%s[local %s]%s %s\n' "$_c_blue" "$(_ts)" "$_c_off" "$*"; }
ok()   { printf '%s[local %s]%s %s\n' "$_c_green" "$(_ts)" "$_c_off" "$*"; }
warn() { printf '%s[local %s] WARNING:%s %s\n' "$_c_yellow" "$(_ts)" "$_c_off" "$*" >&2; }
err()  { printf '%s[local %s] ERROR:%s %s\n' "$_c_red" "$(_ts)" "$_c_off" "$*" >&2; }
die()  { err "$*"; exit 1; }

# Print the last lines of a log to stderr (used when something failed).
show_log_tail() {
  local file="$1" n="${2:-30}"
  if [ -r "$file" ]; then
    printf -- '----- last %s lines of %s -----\n' "$n" "$file" >&2
    tail -n "$n" "$file" >&2 || true
    printf -- '-----\n' >&2
  fi
}

# Seconds since the epoch with fractions, and an elapsed-time formatter.
now_s() { date +%s; }
elapsed_since() { echo "$(( $(now_s) - $1 ))s"; }

# ---------------------------------------------------------------------------------------------
# Versions from the root pom (single source of truth)
# ---------------------------------------------------------------------------------------------
pom_property() {
  # pom_property NAME -> value of <NAME>...</NAME> in the root pom.xml
  sed -n "s:.*<$1>\\([^<]*\\)</$1>.*:\\1:p" "$REPO/pom.xml" | head -n1
}

# ---------------------------------------------------------------------------------------------
# Packages (Debian, apt-get)
# ---------------------------------------------------------------------------------------------
_APT_UPDATED=0
APT_INSTALLED_NOW=""   # packages this run installed (space separated)

apt_update_once() {
  [ "$_APT_UPDATED" = 1 ] && return 0
  info "apt-get update"
  if ! timeout "$APT_TIMEOUT" apt-get update -qq >"$LOG_DIR/apt.log" 2>&1; then
    show_log_tail "$LOG_DIR/apt.log"
    die "apt-get update failed (log: $LOG_DIR/apt.log)"
  fi
  _APT_UPDATED=1
}

# ensure_packages PKG... : install the Debian packages that are not installed yet.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    die "missing Debian packages: ${missing[*]} (not root: install them with 'sudo apt-get install ${missing[*]}')"
  fi
  mkdir -p "$LOG_DIR"
  # An old or empty package list is the usual reason for a failed install: update first when the
  # lists are missing, else try as is and update + retry once on failure.
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then apt_update_once; fi
  info "installing Debian packages: ${missing[*]}"
  local attempt
  for attempt in 1 2; do
    if timeout "$APT_TIMEOUT" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$LOG_DIR/apt.log" 2>&1; then
      APT_INSTALLED_NOW="$APT_INSTALLED_NOW ${missing[*]}"
      return 0
    fi
    if [ "$attempt" = 1 ] && [ "$_APT_UPDATED" = 0 ]; then
      warn "apt-get install failed; refreshing the package lists and retrying once"
      apt_update_once
    else
      break
    fi
  done
  show_log_tail "$LOG_DIR/apt.log"
  die "could not install Debian packages: ${missing[*]} (log: $LOG_DIR/apt.log)"
}

# Tools the scripts themselves use: ps/pgrep (procps), ss (iproute2), curl, runuser (util-linux).
ensure_base_tools() {
  local pkgs=()
  command -v ps >/dev/null 2>&1 || pkgs+=(procps)
  command -v ss >/dev/null 2>&1 || pkgs+=(iproute2)
  command -v curl >/dev/null 2>&1 || pkgs+=(curl ca-certificates)
  command -v runuser >/dev/null 2>&1 || pkgs+=(util-linux)
  command -v java >/dev/null 2>&1 || pkgs+=(openjdk-17-jdk-headless)
  [ "${#pkgs[@]}" -gt 0 ] && ensure_packages "${pkgs[@]}"
  return 0
}

# ---------------------------------------------------------------------------------------------
# Directories, pid files, processes, ports
# ---------------------------------------------------------------------------------------------
ensure_local_dirs() {
  mkdir -p "$LOCAL" "$LOG_DIR" "$PID_DIR"
}

pid_file() { echo "$PID_DIR/$1.pid"; }

read_pid() {
  local f; f="$(pid_file "$1")"
  [ -r "$f" ] || return 1
  local p; p="$(head -n1 "$f" 2>/dev/null | tr -dc '0-9')"
  [ -n "$p" ] || return 1
  echo "$p"
}

write_pid() { mkdir -p "$PID_DIR"; echo "$2" >"$(pid_file "$1")"; }
remove_pid() { rm -f "$(pid_file "$1")"; }

# Alive = exists and is not a zombie (an orphan's exit status may wait for PID 1 to reap it).
pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local state
  state="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null)"
  [ "$state" != Z ] && [ "$state" != X ]
}

# The command line of a process, NUL separators turned into spaces.
pid_cmdline() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline"; }

# pid_matches PID NEEDLE: the process is alive and its command line contains NEEDLE.
pid_matches() {
  pid_alive "$1" || return 1
  case "$(pid_cmdline "$1")" in *"$2"*) return 0 ;; esac
  return 1
}

# pids_matching NEEDLE: every live pid whose command line contains NEEDLE (our own absolute paths,
# never a bare program name), excluding this shell and its ancestors.
pids_matching() {
  local needle="$1" d p
  for d in /proc/[0-9]*; do
    p="${d#/proc/}"
    [ "$p" = "$$" ] && continue
    [ "$p" = "$BASHPID" ] && continue
    case "$(tr '\0' ' ' 2>/dev/null <"$d/cmdline")" in
      *"$needle"*) echo "$p" ;;
    esac
  done
}

# port_open PORT: something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$BIND_HOST/$1" 2>/dev/null
}

# port_listener_pids PORT: pids of the processes listening on PORT (any address).
port_listener_pids() {
  ss -ltnpH "( sport = :$1 )" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
}

# describe_port_holder PORT: a one-line human description of who listens on PORT.
describe_port_holder() {
  local port="$1" pids p out=""
  pids="$(port_listener_pids "$port")"
  if [ -z "$pids" ]; then
    echo "an unknown process (no pid visible; try: ss -ltnp 'sport = :$port')"
    return
  fi
  for p in $pids; do
    out="$out pid $p (user $(ps -o user= -p "$p" 2>/dev/null | tr -d ' ')): $(pid_cmdline "$p" | cut -c1-220);"
  done
  echo "${out# }"
}

# other_checkout_of PORT: the checkout whose local stack holds PORT, if the holder is one.
other_checkout_of() {
  local p cmd other
  for p in $(port_listener_pids "$1"); do
    cmd="$(pid_cmdline "$p")"
    other="$(printf '%s\n' "$cmd" | grep -oE '/[^ ]*/\.local/(kafka|keycloak|postgres)/' | head -n1)"
    if [ -n "$other" ]; then echo "${other%/.local/*}"; return 0; fi
    other="$(printf '%s\n' "$cmd" | grep -oE '/var/lib/postgresql/platform-local/[0-9a-f]+' | head -n1)"
    if [ -n "$other" ] && [ -r "$other/REPO_PATH" ]; then cat "$other/REPO_PATH"; return 0; fi
  done
  return 1
}

# fail_port_taken NAME PORT [HINT]
fail_port_taken() {
  err "port $2 ($BIND_HOST) needed by $1 is taken by something that is not this checkout's stack:"
  err "  $(describe_port_holder "$2")"
  local other
  if other="$(other_checkout_of "$2")" && [ "$other" != "$REPO" ]; then
    err "  It is the local stack of the checkout $other: stop it with $other/deploy/local/down.sh"
  elif [ -n "${3:-}" ]; then
    err "  $3"
  fi
  exit 1
}

# wait_until TIMEOUT_S DESCRIPTION COMMAND...: poll COMMAND every second until it succeeds.
# Returns 1 on timeout. If WAIT_PID is set and that process dies, returns 2 at once.
wait_until() {
  local timeout="$1" what="$2"; shift 2
  local start; start="$(now_s)"
  while true; do
    if "$@" >/dev/null 2>&1; then return 0; fi
    if [ -n "${WAIT_PID:-}" ] && ! pid_alive "$WAIT_PID"; then return 2; fi
    if [ $(( $(now_s) - start )) -ge "$timeout" ]; then return 1; fi
    sleep 1
  done
}

# stop_pid NAME PID [TIMEOUT]: TERM, wait, then KILL. Returns 0 once the process is gone.
stop_pid() {
  local name="$1" pid="$2" t="${3:-$STOP_TIMEOUT}" i=0
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while pid_alive "$pid"; do
    if [ "$i" -ge $(( t * 5 )) ]; then
      warn "$name (pid $pid) did not stop within ${t}s; sending KILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2; i=$(( i + 1 ))
  done
  ! pid_alive "$pid"
}

# start_detached LOGFILE COMMAND...: start COMMAND in its own session, detached from this shell's
# terminal and signals, stdout+stderr appended to LOGFILE; prints the pid (that of COMMAND itself:
# setsid and nohup exec without forking here).
start_detached() {
  local log="$1"; shift
  mkdir -p "$(dirname "$log")"
  printf '\n===== %s starting: %s\n' "$(date -Is)" "$*" >>"$log"
  setsid nohup "$@" >>"$log" 2>&1 </dev/null &
  echo $!
}

# ---------------------------------------------------------------------------------------------
# Maven wrapper
# ---------------------------------------------------------------------------------------------
mvnw() {
  local extra=()
  [ "${CI:-}" = "true" ] && extra+=(-ntp)
  (cd "$REPO" && ./mvnw "${extra[@]}" "$@")
}

# maven_fetch WHAT POM LOGFILE: run a helper pom's package phase (downloads from Maven Central).
maven_fetch() {
  local what="$1" pom="$2" log="$3"
  info "fetching $what from Maven Central (log: $log)"
  local rc=0
  timeout "$MAVEN_FETCH_TIMEOUT" bash -c 'cd "$1" && shift && ./mvnw "$@"' _ "$REPO" \
    -B -ntp -f "$pom" package -Dlocal.stack.dir="$LOCAL" >"$log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    show_log_tail "$log" 40
    if [ "$rc" = 124 ]; then
      die "downloading $what timed out after ${MAVEN_FETCH_TIMEOUT}s (log: $log)"
    fi
    local missing
    missing="$(grep -oE '(Could not (find|transfer|resolve)[^:]*|Failure to find|Could not resolve dependencies for)[^\n]*' "$log" | head -n3)"
    die "downloading $what failed${missing:+: $missing} (log: $log)"
  fi
}

# ---------------------------------------------------------------------------------------------
# Environment checks
# ---------------------------------------------------------------------------------------------
check_java() {
  command -v java >/dev/null 2>&1 || die "java not found: install a JDK 17 (apt-get install openjdk-17-jdk-headless)"
  local v
  v="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)"
  case "$v" in
    ''|1.*) die "Java 17 or newer is required, found '$v' ($(command -v java))" ;;
  esac
  [ "${v%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is required, found $v"
}
