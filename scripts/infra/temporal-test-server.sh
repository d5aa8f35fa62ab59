#!/usr/bin/env bash
# Temporal's time-skipping test server (io.temporal:temporal-test-server, a Java program) for
# @temporalio/testing's TestWorkflowEnvironment.createTimeSkipping(). That package would otherwise
# download a native test server build from the internet at run time; instead the tests run the
# wrapper that `install` writes, as { server: { executable: { type: 'existing-path', path } } },
# with the path that `env` prints. Each test run starts and kills its own server.
#
#   scripts/infra/temporal-test-server.sh install   download the jars, write the wrapper (no-op when present)
#   scripts/infra/temporal-test-server.sh env       print TEMPORAL_TEST_SERVER_PATH=<wrapper>
#   scripts/infra/temporal-test-server.sh start     (rarely needed) run one on TEMPORAL_TEST_SERVER_PORT (7234)
#   scripts/infra/temporal-test-server.sh status    exit 0 when something listens on that port
#   scripts/infra/temporal-test-server.sh stop      stop the one these scripts started
#
# The version is the one in maven/temporal-test-server/pom.xml. The wrapper's JVM options can be
# replaced with TEMPORAL_TEST_SERVER_JAVA_OPTS.
set -euo pipefail
COMPONENT=temporal-test-server
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

TTS_HOST=127.0.0.1
TTS_PORT="${TEMPORAL_TEST_SERVER_PORT:-7234}"
TTS_START_TIMEOUT="${TEMPORAL_TEST_SERVER_START_TIMEOUT:-30}"

POM="$INFRA_DIR/maven/temporal-test-server/pom.xml"
MVN_DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.6.1
TTS_VERSION="$(sed -n 's:.*<temporal-test-server.version>\(.*\)</temporal-test-server.version>.*:\1:p' "$POM" | head -n 1)"
[[ -n "$TTS_VERSION" ]] || die "no <temporal-test-server.version> in $POM"
TTS_HOME="$CACHE_DIR/temporal-test-server-$TTS_VERSION"
TTS_LIBS="$TTS_HOME/libs"
TTS_WRAPPER="$TTS_HOME/temporal-test-server"
TTS_LOG="$LOG_DIR/temporal-test-server.log"
TTS_PORT_FILE="$RUN_DIR/temporal-test-server.port"   # the port of the server in temporal-test-server.pid

# ours_here: the server these scripts started is alive and was started on $TTS_PORT.
ours_here() {
  pid_alive temporal-test-server \
    && [[ "$(cat "$TTS_PORT_FILE" 2>/dev/null || echo "$TTS_PORT")" == "$TTS_PORT" ]]
}

require() { command -v "$1" >/dev/null 2>&1 || die "$1 not found on PATH ($2)"; }

installed() { [[ -f "$TTS_HOME/.installed" && -x "$TTS_WRAPPER" ]]; }

write_wrapper() {
  local java_bin libs_glob
  java_bin="$(command -v java)"
  printf -v libs_glob '%q' "$TTS_LIBS/*"   # escaped: the JVM expands the *, not the shell
  cat > "$TTS_WRAPPER.partial" <<EOF
#!/usr/bin/env bash
# Temporal time-skipping test server $TTS_VERSION (io.temporal:temporal-test-server from Maven Central).
# Written by scripts/infra/temporal-test-server.sh install. Usage: temporal-test-server PORT
# @temporalio/testing starts it with the port as only argument and kills it with SIGKILL when done:
# exec makes java that very process. TEMPORAL_TEST_SERVER_JAVA_OPTS replaces the JVM options.
java_bin="\$(command -v java || echo $(printf '%q' "$java_bin"))"
exec "\$java_bin" \${TEMPORAL_TEST_SERVER_JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} \\
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \\
  -cp $libs_glob io.temporal.testserver.TestServer "\$@"
EOF
  chmod +x "$TTS_WRAPPER.partial"
  mv -f "$TTS_WRAPPER.partial" "$TTS_WRAPPER"
}

cmd_install() {
  installed && return 0
  require mvn "Maven fetches the test server jars from Maven Central"
  require java "a JDK 17+ runs the test server"
  mkdir -p "$TTS_HOME"
  # Two installs at once (e.g. parallel test runs) must not copy over each other.
  exec 9>"$TTS_HOME/.install.lock"
  flock 9
  if installed; then exec 9>&-; return 0; fi
  log "installing the Temporal test server $TTS_VERSION: downloading its jars from Maven Central into $TTS_LIBS (first time only, ~40 MB)"
  local started=$SECONDS tmp="$TTS_HOME/libs.partial"
  rm -rf "$tmp"
  # Maven 3.8 prints stray colour resets even in batch mode: stripped, and all of it to stderr.
  if ! mvn -B -q -ntp -f "$POM" -Dmaven.repo.local="$CACHE_DIR/m2" \
      "$MVN_DEPENDENCY_PLUGIN:copy-dependencies" -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1 \
      | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' >&2; then
    rm -rf "$tmp"
    die "Maven could not fetch the test server jars (see above)"
  fi
  [[ -f "$tmp/temporal-test-server-$TTS_VERSION.jar" ]] || die "temporal-test-server-$TTS_VERSION.jar missing after the download"
  rm -rf "$TTS_LIBS"
  mv "$tmp" "$TTS_LIBS"
  write_wrapper
  touch "$TTS_HOME/.installed"
  exec 9>&-
  log "installed the Temporal test server $TTS_VERSION ($(find "$TTS_LIBS" -name '*.jar' | wc -l) jars, $(du -sh "$TTS_LIBS" | cut -f1)) in $((SECONDS - started))s; wrapper: $TTS_WRAPPER"
}

tts_healthy() { port_open "$TTS_HOST" "$TTS_PORT"; }

tts_started() {
  if ! pid_alive temporal-test-server; then
    log "the test server exited during startup; last lines of $TTS_LOG:"
    tail -n 40 "$TTS_LOG" >&2 || true
    rm -f "$RUN_DIR/temporal-test-server.pid" "$TTS_PORT_FILE"
    exit 1
  fi
  tts_healthy
}

cmd_start() {
  if tts_healthy; then
    log "using the one already running at $TTS_HOST:$TTS_PORT"
    return 0
  fi
  if ours_here; then
    log "the test server these scripts started (pid $(cat "$RUN_DIR/temporal-test-server.pid")) does not listen yet; waiting for it"
  elif pid_alive temporal-test-server; then
    die "these scripts already run a test server on port $(cat "$TTS_PORT_FILE") (pid $(cat "$RUN_DIR/temporal-test-server.pid")); stop it first ($0 stop)"
  else
    rm -f "$RUN_DIR/temporal-test-server.pid" "$TTS_PORT_FILE"
    cmd_install
    [[ -f "$TTS_LOG" ]] && mv -f "$TTS_LOG" "$TTS_LOG.1"   # keep the previous run's log
    log "starting the Temporal test server $TTS_VERSION on port $TTS_PORT, log: $TTS_LOG"
    start_background temporal-test-server "$TTS_LOG" "$TTS_WRAPPER" "$TTS_PORT"
    echo "$TTS_PORT" > "$TTS_PORT_FILE"
  fi
  if ! wait_for "the Temporal test server at $TTS_HOST:$TTS_PORT" "$TTS_START_TIMEOUT" tts_started; then
    log "the test server did not listen within ${TTS_START_TIMEOUT}s; last lines of $TTS_LOG:"
    tail -n 40 "$TTS_LOG" >&2 || true
    cmd_stop
    exit 1
  fi
  log "the Temporal test server is up at $TTS_HOST:$TTS_PORT (pid $(cat "$RUN_DIR/temporal-test-server.pid"))"
}

cmd_status() {
  if tts_healthy; then
    if ours_here; then
      log "listening at $TTS_HOST:$TTS_PORT (started by these scripts, pid $(cat "$RUN_DIR/temporal-test-server.pid"))"
    else
      log "listening at $TTS_HOST:$TTS_PORT (not started by these scripts)"
    fi
    return 0
  fi
  log "not running at $TTS_HOST:$TTS_PORT"
  return 1
}

# Stops the server these scripts started, whatever its port; never another one.
cmd_stop() {
  stop_pid temporal-test-server
  rm -f "$TTS_PORT_FILE"
}

cmd_env() {
  installed || log "warning: not installed yet, run: $0 install"
  echo "TEMPORAL_TEST_SERVER_PATH=$TTS_WRAPPER"
}

case "${1:-}" in
  install) cmd_install; log "the Temporal test server $TTS_VERSION is installed; wrapper: $TTS_WRAPPER" ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 install|start|stop|status|env" >&2; exit 2 ;;
esac
