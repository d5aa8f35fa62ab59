#!/usr/bin/env bash
# Schemathesis (PyPI), the property-based fuzzer that test/integration/api-fuzz.test.ts runs against
# the OpenAPI document of the REST api. It lives in a Python virtual environment in the cache
# (outside the clone), made once from the exact pins of schemathesis/requirements.txt; later runs,
# offline ones included, reuse it. Changing a pin makes a new environment beside the old one.
#
#   scripts/infra/schemathesis.sh install   create the environment (no-op when present)
#   scripts/infra/schemathesis.sh path      install if needed, then print the path of the `st` CLI
#   scripts/infra/schemathesis.sh env       print SCHEMATHESIS_CLI=<path of st> (without installing)
set -euo pipefail
COMPONENT=schemathesis
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REQUIREMENTS="$INFRA_DIR/schemathesis/requirements.txt"
ST_VERSION="$(sed -n 's/^schemathesis==\(.*\)$/\1/p' "$REQUIREMENTS")"
[[ -n "$ST_VERSION" ]] || die "no schemathesis==<version> pin in $REQUIREMENTS"

PYTHON="${SCHEMATHESIS_PYTHON:-python3}"
command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found on PATH (Python 3.10+ runs schemathesis)"
PY_VERSION="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' || die "Python $PY_VERSION is too old: schemathesis needs 3.10+"
# The pins and the interpreter name the environment: a wheel built for one Python does not load in another.
PINS_HASH="$(sha256sum "$REQUIREMENTS" | cut -c1-12)"
ST_HOME="$CACHE_DIR/schemathesis-$ST_VERSION-py$PY_VERSION-$PINS_HASH"
ST_CLI="$ST_HOME/venv/bin/st"

installed() { [[ -f "$ST_HOME/.installed" && -x "$ST_CLI" ]]; }

cmd_install() {
  installed && return 0
  mkdir -p "$ST_HOME"
  # Two test runs installing at once must not build one environment over the other.
  exec 9>"$ST_HOME/.install.lock"
  flock 9
  if installed; then exec 9>&-; return 0; fi
  log "installing schemathesis $ST_VERSION from PyPI into $ST_HOME (first time only, ~30 MB)"
  local started=$SECONDS tmp="$ST_HOME/venv"
  rm -rf "$tmp"
  "$PYTHON" -m venv "$tmp" >&2 || die "could not create a virtual environment with $PYTHON (Debian: apt-get install python3-venv)"
  # --no-deps with the full pinned set: nothing floats, so every run fuzzes with the same code.
  if ! "$tmp/bin/python" -m pip install --quiet --disable-pip-version-check --no-input --no-deps -r "$REQUIREMENTS" >&2; then
    rm -rf "$tmp"
    die "pip could not install the pinned requirements (see above)"
  fi
  "$tmp/bin/python" -m pip check >&2 || { rm -rf "$tmp"; die "the pinned requirements are inconsistent (pip check above)"; }
  [[ -x "$ST_CLI" ]] || { rm -rf "$tmp"; die "no st CLI after the install"; }
  touch "$ST_HOME/.installed"
  exec 9>&-
  log "installed $("$ST_CLI" --version) in $((SECONDS - started))s: $ST_CLI"
}

case "${1:-}" in
  install) cmd_install ;;
  path) cmd_install; echo "$ST_CLI" ;;
  env)
    installed || log "warning: not installed yet, run: $0 install"
    echo "SCHEMATHESIS_CLI=$ST_CLI"
    ;;
  *) echo "usage: $0 install|path|env" >&2; exit 2 ;;
esac
