#!/usr/bin/env bash
# The Temporal dev server (with its Web UI), built from the official CLI's Go module and cached.
# Usage: temporal.sh install|start|stop|status|env
COMPONENT=temporal
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# v1.5.1 is the newest tag whose go.mod has no replace directive, so `go install` builds it as is.
TEMPORAL_CLI_VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
TEMPORAL_BIN="$CACHE_DIR/temporal-cli-$TEMPORAL_CLI_VERSION/temporal"
TEMPORAL_HOST=127.0.0.1
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
TEMPORAL_METRICS_PORT="${TEMPORAL_METRICS_PORT:-7235}"
TEMPORAL_HTTP_PORT="${TEMPORAL_HTTP_PORT:-7243}"
# The api's codec endpoint: the Web UI decrypts payloads through it (lib/payload-codec.ts, api/routes/codec.ts).
TEMPORAL_UI_CODEC_ENDPOINT="${TEMPORAL_UI_CODEC_ENDPOINT:-http://127.0.0.1:${API_PORT:-3000}/codec}"
CONFIG="$PROJECT_DIR/temporal-config/temporal.json"

install() {
  [[ -x "$TEMPORAL_BIN" ]] && return 0
  log "building the Temporal CLI $TEMPORAL_CLI_VERSION from its Go module (first time only, takes a few minutes)"
  go_build "the Temporal CLI" "$LOG_DIR/temporal-build.log" \
    env GOBIN="$(dirname "$TEMPORAL_BIN")" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"
  log "Temporal CLI: $TEMPORAL_BIN"
}

# Healthy = the frontend answers the health check (the port alone may be something else).
status() {
  port_open "$TEMPORAL_HOST" "$TEMPORAL_PORT" || return 1
  [[ -x "$TEMPORAL_BIN" ]] || return 0
  "$TEMPORAL_BIN" operator cluster health --address "$TEMPORAL_HOST:$TEMPORAL_PORT" >/dev/null 2>&1
}

# Flags declaring the namespaces, search attributes, dynamic config and SQLite pragmas of
# temporal-config/temporal.json (keys starting with "$" are comments).
config_flags() {
  node -e '
    const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const entries = (o) => Object.entries(o ?? {}).filter(([k]) => !k.startsWith("$"));
    const out = [];
    for (const ns of c.namespaces) out.push("--namespace", ns.name);
    for (const [k, v] of entries(c.searchAttributes)) out.push("--search-attribute", `${k}=${v}`);
    for (const [k, v] of entries(c.devServerDynamicConfig)) out.push("--dynamic-config-value", `${k}=${JSON.stringify(v)}`);
    for (const [k, v] of entries(c.devServerSqlitePragmas)) out.push("--sqlite-pragma", `${k}=${v}`);
    console.log(out.join("\n"));
  ' "$CONFIG"
}

start() {
  install
  if status; then log "using the Temporal server already running at $TEMPORAL_HOST:$TEMPORAL_PORT"; return 0; fi
  port_open "$TEMPORAL_HOST" "$TEMPORAL_PORT" && die "port $TEMPORAL_PORT is taken by something that is not a healthy Temporal server"
  mkdir -p "$STATE_DIR/temporal"
  local flags=(); mapfile -t flags < <(config_flags)
  log "starting the Temporal dev server on $TEMPORAL_HOST:$TEMPORAL_PORT (Web UI :$TEMPORAL_UI_PORT)"
  start_background temporal "$LOG_DIR/temporal.log" "$TEMPORAL_BIN" server start-dev \
    --db-filename "$STATE_DIR/temporal/dev.sqlite" \
    --ip "$TEMPORAL_HOST" --port "$TEMPORAL_PORT" \
    --ui-ip "$TEMPORAL_HOST" --ui-port "$TEMPORAL_UI_PORT" \
    --metrics-port "$TEMPORAL_METRICS_PORT" --http-port "$TEMPORAL_HTTP_PORT" \
    --ui-codec-endpoint "$TEMPORAL_UI_CODEC_ENDPOINT" \
    --log-format json --log-level warn \
    "${flags[@]}"
  wait_for "Temporal" 90 status || { tail -n 30 "$LOG_DIR/temporal.log" >&2; die "the Temporal dev server did not become healthy"; }
  log "Temporal ready at $TEMPORAL_HOST:$TEMPORAL_PORT, Web UI http://$TEMPORAL_HOST:$TEMPORAL_UI_PORT"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_pid temporal ;;
  status) status ;;
  env) echo "TEMPORAL_ADDRESS=$TEMPORAL_HOST:$TEMPORAL_PORT"; echo "TEMPORAL_UI_URL=http://$TEMPORAL_HOST:$TEMPORAL_UI_PORT"; echo "TEMPORAL_BIN=$TEMPORAL_BIN" ;;
  *) echo "usage: $0 install|start|stop|status|env" >&2; exit 2 ;;
esac
