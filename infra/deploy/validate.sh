#!/usr/bin/env bash
# Checks the deployment files without a Docker engine or a cluster (none runs here):
#   - infra/deploy/compose.yaml with Debian's docker-compose (`config -q`: the Compose schema,
#     interpolation, merges), given example values for the variables the operator must set;
#   - infra/deploy/k8s rendered by `kubectl kustomize`, each object checked against the
#     Kubernetes API's schema of its kind (npm kubernetes-models, validate-k8s.mjs: types and
#     required fields; it does not flag unknown fields);
#   - every YAML file with yamllint.
# Installs docker-compose, kubectl and yamllint with apt, and the two npm packages, when absent.
# Usage: infra/deploy/validate.sh
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
DEPLOY="$ROOT/infra/deploy"

missing=()
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v kubectl >/dev/null || missing+=(kubectl)
command -v yamllint >/dev/null || missing+=(yamllint)
if ((${#missing[@]} > 0)); then
  log "Installing ${missing[*]} with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
models="$STATE/deploy-validate"
if [[ ! -d "$models/node_modules/kubernetes-models" || ! -d "$models/node_modules/yaml" ]]; then
  log "Installing kubernetes-models and yaml from npm (for the manifests' schemas)"
  mkdir -p "$models"
  npm install --silent --no-audit --no-fund --prefix "$models" kubernetes-models@5.1.0 yaml@2.9.1 >/dev/null
fi

log "Compose file (docker-compose config -q)"
(
  cd "$DEPLOY"
  # Example values for what the operator sets; the secret files are not read by `config`.
  PASSERELLE_KEYCLOAK_PUBLIC_URL=https://auth.example.org PASSERELLE_PUBLIC_URL=https://passerelle.example.org \
    PASSERELLE_SMTP_HOST=smtp.example.org PASSERELLE_MAIL_FROM=rappels@example.org \
    KEYCLOAK_DB_PASSWORD=example KEYCLOAK_ADMIN_PASSWORD=example \
    docker-compose -f compose.yaml config -q
)

log "Kubernetes manifests (kubectl kustomize, then the API's schemas)"
rendered=$(mktemp)
trap 'rm -f "$rendered"' EXIT
kubectl kustomize "$DEPLOY/k8s" >"$rendered"
cp "$DEPLOY/validate-k8s.mjs" "$models/validate-k8s.mjs"
node "$models/validate-k8s.mjs" <"$rendered"

log "YAML style (yamllint)"
yamllint -s -c "$DEPLOY/.yamllint.yaml" "$DEPLOY/compose.yaml" "$DEPLOY/k8s"
log "Deployment files valid"
