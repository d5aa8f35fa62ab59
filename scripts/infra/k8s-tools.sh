#!/usr/bin/env bash
# The tools that check the Kubernetes manifests of deploy/k8s offline (deploy/k8s/k8s-manifests.test.ts):
#   kustomize   sigs.k8s.io/kustomize/kustomize/v5, built from its Go module (renders each overlay)
#   kubeconform github.com/yannh/kubeconform, built from its Go module (validates against JSON schemas)
#   schemas     Kubernetes JSON schemas (strict: unknown fields are errors) from the PyPI package
#               kubernetes-validate, plus KEDA's ScaledObject/TriggerAuthentication CRD schemas from
#               KEDA's Go module, converted by scripts/infra/k8s-schemas.ts
# All of it lives in the cache (~/.cache/checkout-platform/k8s-tools-<versions>), made once; later
# runs, offline ones included, reuse it. Changing a version below makes a new folder beside the old one.
#
#   scripts/infra/k8s-tools.sh install   build and download (no-op when present; a few minutes the first time)
#   scripts/infra/k8s-tools.sh env       install if needed, then print KUSTOMIZE=… KUBECONFORM=… K8S_SCHEMAS=… K8S_VERSION=…
set -euo pipefail
COMPONENT=k8s-tools
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

KUSTOMIZE_VERSION=v5.7.1
KUBECONFORM_VERSION=v0.7.0
# kubernetes-validate 1.34.1 carries the schemas of Kubernetes 1.25 to 1.34; we validate against 1.34.
KUBERNETES_VALIDATE_VERSION=1.34.1
K8S_VERSION=1.34.0
KEDA_VERSION=v2.21.0

TOOLS_HOME="$CACHE_DIR/k8s-tools-kustomize-$KUSTOMIZE_VERSION-kubeconform-$KUBECONFORM_VERSION-k8s-$K8S_VERSION-keda-$KEDA_VERSION"
BIN="$TOOLS_HOME/bin"
SCHEMAS="$TOOLS_HOME/schemas"

installed() { [[ -f "$TOOLS_HOME/.installed" && -x "$BIN/kustomize" && -x "$BIN/kubeconform" ]]; }

go_env() {
  local work="$TOOLS_HOME/go"
  # A private module and build cache: never the user's, and removable with the folder.
  env GOBIN="$BIN" GOMODCACHE="$work/mod" GOCACHE="$work/build" GOPATH="$work/path" GOFLAGS=-mod=mod "$@"
}

cmd_install() {
  installed && return 0
  command -v go >/dev/null 2>&1 || die "go not found on PATH (kustomize and kubeconform are built from their Go modules)"
  command -v python3 >/dev/null 2>&1 || die "python3 not found on PATH (pip downloads the Kubernetes JSON schemas)"
  mkdir -p "$TOOLS_HOME"
  # Two test runs installing at once must not build one over the other.
  exec 9>"$TOOLS_HOME/.install.lock"
  flock 9
  if installed; then exec 9>&-; return 0; fi
  local started=$SECONDS
  log "building kustomize $KUSTOMIZE_VERSION and kubeconform $KUBECONFORM_VERSION from their Go modules into $BIN (first time only, a few minutes)"
  go_env go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" >"$LOG_DIR/k8s-tools-build.log" 2>&1 \
    || die "building kustomize failed; see $LOG_DIR/k8s-tools-build.log"
  go_env go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION" >>"$LOG_DIR/k8s-tools-build.log" 2>&1 \
    || die "building kubeconform failed; see $LOG_DIR/k8s-tools-build.log"

  log "downloading the Kubernetes $K8S_VERSION JSON schemas (PyPI kubernetes-validate $KUBERNETES_VALIDATE_VERSION) and KEDA $KEDA_VERSION's CRDs"
  local wheels="$TOOLS_HOME/wheels"
  rm -rf "$wheels"
  python3 -m pip download --quiet --no-deps --dest "$wheels" "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" >&2 \
    || die "pip download kubernetes-validate==$KUBERNETES_VALIDATE_VERSION failed"
  local keda_dir
  keda_dir="$(go_env go mod download -json "github.com/kedacore/keda/v2@$KEDA_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -d "$keda_dir/config/crd/bases" ]] || die "KEDA $KEDA_VERSION's module has no config/crd/bases"

  rm -rf "$SCHEMAS"
  (cd "$PROJECT_DIR" && node --import tsx scripts/infra/k8s-schemas.ts \
    --wheel "$(ls "$wheels"/kubernetes_validate-*.whl)" --k8s-version "$K8S_VERSION" \
    --crds "$keda_dir/config/crd/bases" --out "$SCHEMAS") >&2 || die "preparing the schemas failed"
  # The Go module cache is read-only by design; make it removable with the folder, then drop it.
  chmod -R u+w "$TOOLS_HOME/go" && rm -rf "$TOOLS_HOME/go" "$wheels"
  touch "$TOOLS_HOME/.installed"
  exec 9>&-
  log "k8s tools ready in $((SECONDS - started))s"
}

cmd_env() {
  cmd_install
  echo "KUSTOMIZE=$BIN/kustomize"
  echo "KUBECONFORM=$BIN/kubeconform"
  echo "K8S_SCHEMAS=$SCHEMAS"
  echo "K8S_VERSION=$K8S_VERSION"
}

case "${1:-}" in
  install) cmd_install ;;
  env) cmd_env ;;
  *) echo "usage: $0 install|env" >&2; exit 2 ;;
esac
