#!/usr/bin/env bash
# PostgreSQL 15 from Debian's packages on 127.0.0.1:$PGPORT, with the platform's role and databases.
# Usage: postgres.sh install|start|stop|status|env
COMPONENT=postgres
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_VERSION=15
PG_CLUSTER=main
PGHOST=127.0.0.1
PGPORT="${PGPORT:-5432}"
# Development credentials only: production points DATABASE_URL at its own server and never runs this.
APP_ROLE="${POSTGRES_USER:-checkout}"
APP_PASSWORD="${POSTGRES_PASSWORD:-checkout}"
DATABASES=(checkout checkout_test)

install() {
  if [[ -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]] && command -v pg_ctlcluster >/dev/null; then return 0; fi
  log "installing PostgreSQL $PG_VERSION from Debian's packages (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "postgresql-$PG_VERSION" postgresql-client-common >/dev/null
}

status() { pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; }

as_superuser() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -p "$PGPORT" "$@"; }

# Creates the application role (CREATEDB: Prisma's shadow database) and the databases when absent.
provision() {
  if ! id postgres >/dev/null 2>&1 || ! as_superuser -c 'select 1' >/dev/null 2>&1; then
    log "no local superuser access; assuming role $APP_ROLE and databases ${DATABASES[*]} already exist"
    return 0
  fi
  as_superuser <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_ROLE') THEN
    CREATE ROLE "$APP_ROLE" LOGIN CREATEDB PASSWORD '$APP_PASSWORD';
  ELSE
    ALTER ROLE "$APP_ROLE" LOGIN CREATEDB PASSWORD '$APP_PASSWORD';
  END IF;
END \$\$;
SQL
  for db in "${DATABASES[@]}"; do
    if [[ -z "$(as_superuser -tAc "select 1 from pg_database where datname = '$db'")" ]]; then
      log "creating database $db"
      as_superuser -c "CREATE DATABASE \"$db\" OWNER \"$APP_ROLE\""
    fi
  done
}

start() {
  if status; then
    log "using the PostgreSQL already running at $PGHOST:$PGPORT"
    provision
    return 0
  fi
  install
  if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$PG_VERSION/$PG_CLUSTER"; then
    log "creating cluster $PG_VERSION/$PG_CLUSTER"
    pg_createcluster "$PG_VERSION" "$PG_CLUSTER" -p "$PGPORT" >/dev/null
  fi
  log "starting PostgreSQL $PG_VERSION on $PGHOST:$PGPORT"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
  wait_for "PostgreSQL" 60 status || die "PostgreSQL did not become ready; see /var/log/postgresql/"
  head -n 1 "/var/lib/postgresql/$PG_VERSION/$PG_CLUSTER/postmaster.pid" > "$RUN_DIR/postgres.pid"
  provision
  log "PostgreSQL ready at $PGHOST:$PGPORT"
}

stop() {
  if ! pid_alive postgres; then rm -f "$RUN_DIR/postgres.pid"; log "PostgreSQL was not started by these scripts; leaving it alone"; return 0; fi
  log "stopping PostgreSQL (pid $(cat "$RUN_DIR/postgres.pid"))"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m fast || true
  rm -f "$RUN_DIR/postgres.pid"
}

env_vars() {
  echo "DATABASE_URL=postgresql://$APP_ROLE:$APP_PASSWORD@$PGHOST:$PGPORT/checkout"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) env_vars ;;
  *) echo "usage: $0 install|start|stop|status|env" >&2; exit 2 ;;
esac
