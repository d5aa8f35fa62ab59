#!/usr/bin/env bash
# Prometheus (and promtool) from Debian's `prometheus` package, run natively on loopback with a config
# that `npm start -- --observability` generates (observability/prometheus-config.ts).
#
#   prometheus.sh install   apt-get install prometheus when prometheus or promtool is missing
#   prometheus.sh start     start it on 127.0.0.1:$PROMETHEUS_PORT with $PROMETHEUS_CONFIG (reuses ours if running)
#   prometheus.sh stop      stop the one these scripts started (by pid)
#   prometheus.sh status    true when the one we started answers /-/ready
#   prometheus.sh path      install if needed, then print the paths of prometheus and promtool (two lines)
#   prometheus.sh env       PROMETHEUS_URL=…
COMPONENT=prometheus
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PROMETHEUS_HOST=127.0.0.1
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9090}"
PROMETHEUS_CONFIG="${PROMETHEUS_CONFIG:-$STATE_DIR/prometheus/prometheus.yml}"
URL="http://$PROMETHEUS_HOST:$PROMETHEUS_PORT"

installed() { command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; }

install() {
  installed && return 0
  # A unit test (promtool) and an integration test (Prometheus) of one run may install at once:
  # apt-get would fail on its own lock, so they take turns here.
  exec 9>"$CACHE_DIR/prometheus-install.lock"
  flock 9
  if installed; then exec 9>&-; return 0; fi
  log "installing Prometheus and promtool from Debian's packages (apt-get install prometheus)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "apt-get update failed (root is needed to install Debian's prometheus package)"
  # --no-install-recommends: the node exporter and the rest are not needed. Debian's service is
  # not what the platform runs (nothing starts it without systemd; we run our own on loopback).
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null || die "apt-get install prometheus failed"
  exec 9>&-
  installed || die "no prometheus/promtool on PATH after the install"
  log "installed $(prometheus --version 2>&1 | head -n 1)"
}

ready() { curl -sf --max-time 2 "$URL/-/ready" >/dev/null 2>&1; }

status() { pid_alive prometheus && ready; }

start() {
  install
  if status; then log "using the Prometheus already running at $URL (reloading its config)"; reload; return 0; fi
  port_open "$PROMETHEUS_HOST" "$PROMETHEUS_PORT" && die "port $PROMETHEUS_PORT is taken by something these scripts did not start (set PROMETHEUS_PORT)"
  [[ -f "$PROMETHEUS_CONFIG" ]] || die "no config at $PROMETHEUS_CONFIG"
  promtool check config "$PROMETHEUS_CONFIG" >&2 || die "promtool rejects $PROMETHEUS_CONFIG"
  mkdir -p "$STATE_DIR/prometheus/data"
  log "starting Prometheus on $URL (config $PROMETHEUS_CONFIG)"
  start_background prometheus "$LOG_DIR/prometheus.log" prometheus \
    --config.file="$PROMETHEUS_CONFIG" \
    --storage.tsdb.path="$STATE_DIR/prometheus/data" \
    --storage.tsdb.retention.time=7d \
    --web.listen-address="$PROMETHEUS_HOST:$PROMETHEUS_PORT" \
    --web.enable-lifecycle
  wait_for "Prometheus" 60 ready || { tail -n 30 "$LOG_DIR/prometheus.log" >&2; die "Prometheus did not become ready"; }
  log "Prometheus ready at $URL"
}

# A Prometheus we started earlier gets the newly generated config (targets may have moved).
reload() {
  promtool check config "$PROMETHEUS_CONFIG" >&2 || die "promtool rejects $PROMETHEUS_CONFIG"
  curl -sf -X POST --max-time 10 "$URL/-/reload" >/dev/null || log "warning: $URL did not reload its config"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_pid prometheus ;;
  status) status ;;
  path) install; command -v prometheus; command -v promtool ;;
  env) echo "PROMETHEUS_URL=$URL" ;;
  *) echo "usage: $0 install|start|stop|status|path|env" >&2; exit 2 ;;
esac
