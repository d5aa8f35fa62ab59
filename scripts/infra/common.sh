#!/usr/bin/env bash
# Shared conventions for the infrastructure scripts: where downloads are cached, where runtime
# state lives, how a component is started in the background, waited for and stopped by pid.
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$INFRA_DIR/../.." && pwd)"

# Downloads and builds (Temporal CLI, Kafka jars, test server): outside the clone, kept between runs.
CACHE_DIR="${CHECKOUT_CACHE_DIR:-$HOME/.cache/checkout-platform}"
# Runtime data, logs and pid files of the components these scripts start.
STATE_DIR="${CHECKOUT_STATE_DIR:-$HOME/.local/state/checkout-platform}"
RUN_DIR="$STATE_DIR/run"
LOG_DIR="$STATE_DIR/log"
mkdir -p "$CACHE_DIR" "$RUN_DIR" "$LOG_DIR"

log() { printf '[infra:%s] %s\n' "${COMPONENT:-infra}" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# pid_alive NAME: true when the pid file of a component we started points at a live process.
pid_alive() {
  local f="$RUN_DIR/$1.pid"
  [[ -f "$f" ]] && kill -0 "$(cat "$f")" 2>/dev/null
}

# start_background NAME LOGFILE CMD...: runs CMD detached in its own session, records its pid.
start_background() {
  local name="$1" logfile="$2"; shift 2
  setsid "$@" >>"$logfile" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$name.pid"
}

# wait_for DESCRIPTION TIMEOUT_SECONDS CHECK_CMD...: polls CHECK_CMD once a second, printing progress.
wait_for() {
  local what="$1" timeout="$2"; shift 2
  local waited=0
  until "$@"; do
    if (( waited >= timeout )); then return 1; fi
    if (( waited > 0 && waited % 10 == 0 )); then log "still waiting for $what (${waited}s)"; fi
    sleep 1; waited=$((waited + 1))
  done
}

# stop_pid NAME: stops the process we started (SIGTERM, then SIGKILL after 30 s); never touches others.
stop_pid() {
  local name="$1" f="$RUN_DIR/$1.pid"
  if [[ ! -f "$f" ]]; then log "$name was not started by these scripts; leaving it alone"; return 0; fi
  local pid; pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local i=0
    while kill -0 "$pid" 2>/dev/null && (( i < 30 )); do sleep 1; i=$((i + 1)); done
    kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  # A start that ran while this one was stopping may have written its own pid: keep that one.
  [[ "$(cat "$f" 2>/dev/null)" == "$pid" ]] && rm -f "$f"
  return 0
}

# go_build WHAT LOGFILE CMD...: runs CMD (a `go install`/`go build`, or a subshell script of them)
# with a throwaway Go module and build cache ($GO_WORK, exported with GOMODCACHE, GOCACHE, GOPATH),
# printing a progress line every 30 s. The caches (~2 GB) are only needed for the build, so they are
# removed afterwards; the binary is what is cached. Dies with the log's tail if CMD fails.
go_build() {
  local what="$1" logfile="$2"; shift 2
  command -v go >/dev/null || die "Go is needed to build $what (Debian: apt-get install golang)"
  local started=$SECONDS ok=1
  GO_WORK="$(mktemp -d)"
  ( while sleep 30; do log "still building $what ($((SECONDS - started))s)"; done ) &
  local ticker=$!
  (
    export GO_WORK GOMODCACHE="$GO_WORK/mod" GOCACHE="$GO_WORK/build" GOPATH="$GO_WORK/path" GOFLAGS=-mod=mod
    "$@"
  ) >"$logfile" 2>&1 || ok=0
  kill "$ticker" 2>/dev/null || true
  GOMODCACHE="$GO_WORK/mod" go clean -modcache >/dev/null 2>&1 || true
  rm -rf "$GO_WORK"
  if [[ $ok -eq 0 ]]; then
    tail -n 30 "$logfile" >&2
    die "building $what failed (log: $logfile)"
  fi
  log "$what built in $((SECONDS - started))s"
}
