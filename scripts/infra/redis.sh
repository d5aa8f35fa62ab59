#!/usr/bin/env bash
# Redis 7 from Debian's packages on 127.0.0.1:$REDIS_PORT.
# Usage: redis.sh install|start|stop|status|env
COMPONENT=redis
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REDIS_HOST=127.0.0.1
REDIS_PORT="${REDIS_PORT:-6379}"

install() {
  if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then return 0; fi
  log "installing Redis from Debian's packages (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq redis-server >/dev/null
}

status() { [[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]; }

start() {
  install
  if status; then log "using the Redis already running at $REDIS_HOST:$REDIS_PORT"; return 0; fi
  mkdir -p "$STATE_DIR/redis"
  log "starting Redis on $REDIS_HOST:$REDIS_PORT"
  # Append-only file so sessions, carts and idempotency keys survive a restart of the dev stack.
  start_background redis "$LOG_DIR/redis.log" redis-server --bind "$REDIS_HOST" --port "$REDIS_PORT" \
    --dir "$STATE_DIR/redis" --appendonly yes --save "" --daemonize no --protected-mode yes
  wait_for "Redis" 30 status || { tail -n 20 "$LOG_DIR/redis.log" >&2; die "Redis did not start"; }
  log "Redis ready at $REDIS_HOST:$REDIS_PORT"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_pid redis ;;
  status) status ;;
  env) echo "REDIS_URL=redis://$REDIS_HOST:$REDIS_PORT" ;;
  *) echo "usage: $0 install|start|stop|status|env" >&2; exit 2 ;;
esac
