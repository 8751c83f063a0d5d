# shellcheck shell=bash
# Apache Kafka broker of the local stack: one KRaft node (broker + controller) run from the Maven
# Central jars (deploy/local/kafka/pom.xml copies them into .local/kafka/lib).
# PLAINTEXT://127.0.0.1:9092, CONTROLLER://127.0.0.1:9093. Requires common.sh.

KAFKA_HOME="$LOCAL/kafka"
KAFKA_LIB="$KAFKA_HOME/lib"
KAFKA_DATA="$KAFKA_HOME/data"
KAFKA_CONF="$KAFKA_HOME/config"
KAFKA_PROPS="$KAFKA_CONF/server.properties"
KAFKA_LOG="$LOG_DIR/kafka.log"            # log4j2 (server log)
KAFKA_STDOUT="$LOG_DIR/kafka.stdout.log"  # JVM stdout/stderr
: "${KAFKA_JAVA_OPTS:=-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true}"

kafka_fetch() {
  local version; version="$(pom_property kafka.server.version)"
  [ -n "$version" ] || die "kafka.server.version not found in $REPO/pom.xml"
  if [ -f "$KAFKA_LIB/.complete" ] && [ "$(cat "$KAFKA_LIB/.complete")" = "$version" ]; then
    return 0
  fi
  rm -rf "$KAFKA_LIB"
  local t0; t0="$(now_s)"
  maven_fetch "Apache Kafka $version broker jars (org.apache.kafka:kafka_2.13, kafka-tools, log4j-slf4j-impl)" \
    "$DEPLOY_LOCAL_DIR/kafka/pom.xml" "$LOG_DIR/fetch-kafka.log"
  ls "$KAFKA_LIB"/kafka_2.13-"$version".jar >/dev/null 2>&1 ||
    die "org.apache.kafka:kafka_2.13:$version missing from $KAFKA_LIB after the download (log: $LOG_DIR/fetch-kafka.log)"
  echo "$version" >"$KAFKA_LIB/.complete"
  ok "Kafka jars in $KAFKA_LIB ($(find "$KAFKA_LIB" -name '*.jar' | wc -l) jars, $(du -sh "$KAFKA_LIB" | cut -f1)) in $(elapsed_since "$t0")"
}

kafka_write_config() {
  mkdir -p "$KAFKA_CONF" "$KAFKA_DATA"
  cat >"$KAFKA_PROPS" <<EOF
# Written by deploy/local/lib/kafka.sh on every start: edit there, not here. LOCAL ONLY.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$BIND_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$BIND_HOST:$KAFKA_PORT,CONTROLLER://$BIND_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$BIND_HOST:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
delete.topic.enable=true
log.retention.hours=168
log.segment.bytes=104857600
num.network.threads=2
num.io.threads=4
background.threads=4
EOF
  cat >"$KAFKA_CONF/log4j2.properties" <<EOF
# Written by deploy/local/lib/kafka.sh on every start.
name = kafka-local
status = warn
appender.file.type = RollingFile
appender.file.name = FILE
appender.file.fileName = $KAFKA_LOG
appender.file.filePattern = $KAFKA_LOG.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 50MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 3
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FILE
logger.zk.name = org.apache.zookeeper
logger.zk.level = WARN
logger.request.name = kafka.request.logger
logger.request.level = WARN
EOF
}

kafka_java() {
  # kafka_java MAINCLASS ARGS...: run a Kafka tool class with the copied jars.
  java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="file:$KAFKA_CONF/log4j2-tools.properties" -cp "$KAFKA_LIB/*" "$@"
}

kafka_format_if_needed() {
  [ -f "$KAFKA_DATA/meta.properties" ] && return 0
  cat >"$KAFKA_CONF/log4j2-tools.properties" <<'EOF'
status = warn
appender.console.type = Console
appender.console.name = STDERR
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %p %m%n
rootLogger.level = WARN
rootLogger.appenderRef.console.ref = STDERR
EOF
  local id
  id="$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$LOG_DIR/kafka-format.log" | tail -n1)"
  [ -n "$id" ] || { show_log_tail "$LOG_DIR/kafka-format.log"; die "kafka StorageTool random-uuid failed (log: $LOG_DIR/kafka-format.log)"; }
  info "formatting Kafka KRaft storage in $KAFKA_DATA (cluster id $id)"
  if ! kafka_java kafka.tools.StorageTool format -t "$id" -c "$KAFKA_PROPS" >>"$LOG_DIR/kafka-format.log" 2>&1; then
    show_log_tail "$LOG_DIR/kafka-format.log"
    die "kafka StorageTool format failed (log: $LOG_DIR/kafka-format.log)"
  fi
  echo "$id" >"$KAFKA_HOME/cluster.id"
}

kafka_running_pid() {
  local p
  p="$(read_pid kafka)" && pid_matches "$p" "$KAFKA_PROPS" && { echo "$p"; return 0; }
  return 1
}

# Broker ready: both ports answer and the server logged its start since our launch.
_kafka_started_marker() {
  local from="${KAFKA_LOG_OFFSET:-0}" size
  size="$(stat -c %s "$KAFKA_LOG" 2>/dev/null || echo 0)"
  [ "$size" -lt "$from" ] && from=0   # rotated
  tail -c +"$((from + 1))" "$KAFKA_LOG" 2>/dev/null | grep -q 'Kafka Server started'
}
kafka_ready() { port_open "$KAFKA_PORT" && port_open "$KAFKA_CONTROLLER_PORT" && _kafka_started_marker; }

# Fail early when the broker's ports are held by something else (ours not running).
kafka_check_ports() {
  kafka_running_pid >/dev/null && return 0
  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$port"; then
      fail_port_taken Kafka "$port" "If it is the broker of another checkout, stop it with that checkout's deploy/local/down.sh"
    fi
  done
}

# kafka_launch: start (non-blocking) or find the running broker. Sets KAFKA_STARTED, KAFKA_PID.
kafka_launch() {
  KAFKA_STARTED=0
  if KAFKA_PID="$(kafka_running_pid)"; then
    KAFKA_REUSED=1
    return 0
  fi
  KAFKA_REUSED=0
  kafka_check_ports
  kafka_fetch
  kafka_write_config
  kafka_format_if_needed
  KAFKA_LOG_OFFSET="$(stat -c %s "$KAFKA_LOG" 2>/dev/null || echo 0)"
  info "starting Kafka $(pom_property kafka.server.version) (KRaft) on $BIND_HOST:$KAFKA_PORT (log: $KAFKA_LOG)"
  # shellcheck disable=SC2086
  KAFKA_PID="$(start_detached "$KAFKA_STDOUT" java $KAFKA_JAVA_OPTS \
      -Dlog4j2.configurationFile="file:$KAFKA_CONF/log4j2.properties" \
      -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_PROPS")"
  write_pid kafka "$KAFKA_PID"
  KAFKA_STARTED=1
  KAFKA_T0="$(now_s)"
}

kafka_wait() {
  local rc=0
  if [ "${KAFKA_REUSED:-0}" = 1 ]; then
    if port_open "$KAFKA_PORT"; then ok "Kafka already running (pid $KAFKA_PID), reused"; return 0; fi
    info "Kafka (pid $KAFKA_PID) is running but not answering yet: waiting"
    KAFKA_LOG_OFFSET=0
  fi
  WAIT_PID="$KAFKA_PID" wait_until "$KAFKA_START_TIMEOUT" Kafka kafka_ready || rc=$?
  if [ "$rc" = 2 ]; then
    show_log_tail "$KAFKA_STDOUT"; show_log_tail "$KAFKA_LOG"
    remove_pid kafka
    die "Kafka exited during start-up (logs: $KAFKA_LOG, $KAFKA_STDOUT)"
  elif [ "$rc" != 0 ]; then
    show_log_tail "$KAFKA_LOG"
    die "Kafka not ready on $BIND_HOST:$KAFKA_PORT within ${KAFKA_START_TIMEOUT}s (pid $KAFKA_PID, logs: $KAFKA_LOG, $KAFKA_STDOUT)"
  fi
  if [ "${KAFKA_REUSED:-0}" = 1 ]; then ok "Kafka running (pid $KAFKA_PID), reused"
  else ok "Kafka up (pid $KAFKA_PID) in $(elapsed_since "$KAFKA_T0")"; fi
}

kafka_down() {
  local pid stopped=0
  if pid="$(kafka_running_pid)"; then
    info "stopping Kafka (pid $pid)"
    stop_pid Kafka "$pid" "$STOP_TIMEOUT"
    stopped=1
  fi
  # A broker of this checkout that lost its pid file.
  for pid in $(pids_matching "$KAFKA_PROPS"); do
    case "$(pid_cmdline "$pid")" in *kafka.Kafka*) ;; *) continue ;; esac
    info "stopping Kafka (pid $pid, found by its command line)"
    stop_pid Kafka "$pid" "$STOP_TIMEOUT"
    stopped=1
  done
  remove_pid kafka
  if [ "$stopped" = 1 ]; then ok "Kafka stopped"; else info "Kafka not running"; fi
}

kafka_purge() { rm -rf "$KAFKA_HOME"; }
