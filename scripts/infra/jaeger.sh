#!/usr/bin/env bash
# Jaeger v2 (trace viewer), built from its Go module and cached, run natively on loopback with
# in-memory storage: OTLP/HTTP on :4318 (where the platform's processes export with
# OTEL_TRACES_EXPORTER=otlp), UI and query API on :16686. Started by `npm start -- --observability`.
#
#   jaeger.sh install   build the binary once (~2 GB of Go caches, thrown away after; measured: 85 min on
#                       a 2-core machine at load average ~20, a 122 MB binary)
#   jaeger.sh start     start it (reuses one we started that is healthy)
#   jaeger.sh stop      stop the one these scripts started (by pid)
#   jaeger.sh status    true when the one we started answers its health check
#   jaeger.sh env       JAEGER_URL=… and OTEL_EXPORTER_OTLP_ENDPOINT=…
COMPONENT=jaeger
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Jaeger tags each release twice on one commit: v1.x (this module path's semver) and v2.x (the
# binary's version). v1.76.0 is Jaeger v2.13's cmd/jaeger.
JAEGER_MODULE_VERSION="${JAEGER_MODULE_VERSION:-v1.76.0}"
JAEGER_BIN="$CACHE_DIR/jaeger-$JAEGER_MODULE_VERSION/jaeger"
JAEGER_HOST=127.0.0.1
JAEGER_UI_PORT="${JAEGER_UI_PORT:-16686}"
JAEGER_OTLP_HTTP_PORT="${JAEGER_OTLP_HTTP_PORT:-4318}"
JAEGER_OTLP_GRPC_PORT="${JAEGER_OTLP_GRPC_PORT:-4317}"
JAEGER_HEALTH_PORT="${JAEGER_HEALTH_PORT:-13133}"
CONFIG="$STATE_DIR/jaeger/config.yaml"

# `go install module/cmd/jaeger@version` is refused: Jaeger's go.mod has a replace directive
# (sarama), which Go honours only in the main module. So the module's source is downloaded
# through the module proxy and built as the main module.
build_jaeger() {
  local dir
  dir="$(go mod download -json "github.com/jaegertracing/jaeger@$JAEGER_MODULE_VERSION" | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).Dir ?? ""))')"
  [[ -n "$dir" ]] || return 1
  cp -r "$dir" "$GO_WORK/src" && chmod -R u+w "$GO_WORK/src"
  cd "$GO_WORK/src" && go build -o "$JAEGER_BIN.partial" ./cmd/jaeger && mv "$JAEGER_BIN.partial" "$JAEGER_BIN"
}

install() {
  [[ -x "$JAEGER_BIN" ]] && return 0
  log "building Jaeger $JAEGER_MODULE_VERSION from its Go module (first time only, takes several minutes)"
  go_build "Jaeger" "$LOG_DIR/jaeger-build.log" build_jaeger
  log "Jaeger: $JAEGER_BIN"
}

# The all-in-one pipeline on loopback only, without the legacy Jaeger/Zipkin receivers, sampling
# server and debug pages (ports nobody here uses).
write_config() {
  mkdir -p "$(dirname "$CONFIG")"
  cat >"$CONFIG" <<EOF
service:
  extensions: [jaeger_storage, jaeger_query, healthcheckv2]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
extensions:
  healthcheckv2:
    use_v2: true
    http:
      endpoint: $JAEGER_HOST:$JAEGER_HEALTH_PORT
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: $JAEGER_HOST:$JAEGER_UI_PORT
    grpc:
      endpoint: $JAEGER_HOST:16685
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 100000
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: $JAEGER_HOST:$JAEGER_OTLP_GRPC_PORT
      http:
        endpoint: $JAEGER_HOST:$JAEGER_OTLP_HTTP_PORT
processors:
  batch:
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
EOF
}

healthy() { curl -sf --max-time 2 "http://$JAEGER_HOST:$JAEGER_HEALTH_PORT/status" >/dev/null 2>&1; }

status() { pid_alive jaeger && healthy; }

start() {
  install
  if status; then log "using the Jaeger already running (UI http://$JAEGER_HOST:$JAEGER_UI_PORT)"; return 0; fi
  port_open "$JAEGER_HOST" "$JAEGER_OTLP_HTTP_PORT" && die "port $JAEGER_OTLP_HTTP_PORT is taken by something these scripts did not start (set JAEGER_OTLP_HTTP_PORT)"
  write_config
  log "starting Jaeger: OTLP http://$JAEGER_HOST:$JAEGER_OTLP_HTTP_PORT, UI http://$JAEGER_HOST:$JAEGER_UI_PORT (in-memory storage)"
  start_background jaeger "$LOG_DIR/jaeger.log" "$JAEGER_BIN" --config "$CONFIG"
  wait_for "Jaeger" 60 healthy || { tail -n 30 "$LOG_DIR/jaeger.log" >&2; die "Jaeger did not become healthy"; }
  log "Jaeger ready: UI http://$JAEGER_HOST:$JAEGER_UI_PORT"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_pid jaeger ;;
  status) status ;;
  env) echo "JAEGER_URL=http://$JAEGER_HOST:$JAEGER_UI_PORT"; echo "OTEL_EXPORTER_OTLP_ENDPOINT=http://$JAEGER_HOST:$JAEGER_OTLP_HTTP_PORT" ;;
  *) echo "usage: $0 install|start|stop|status|env" >&2; exit 2 ;;
esac
