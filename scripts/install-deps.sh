#!/usr/bin/env bash
# Installs what building and testing reloadkit needs on Debian 12: Debian's tools, then npm packages.
# Idempotent: packages already present are not reinstalled.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(shellcheck lintian rpm rpmlint mmdebstrap dpkg-dev systemd docker.io)
# What the operator-facing integration tests run against: a real broker, a real oslo.messaging
# notification listener (run with /usr/bin/python3) and a real Prometheus server.
debian_packages+=(rabbitmq-server python3-oslo.messaging prometheus)
# the ansible target's tests: ansible-core 2.14 with community.docker (containers as hosts), and ansible-lint
debian_packages+=(ansible ansible-lint)

missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "install-deps: installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian 12's Node.js 18 beside the machine's Node, for the runtime's tests on Node 18 (a separate script:
# it is extracted, not installed, because it conflicts with a newer nodejs package).
if [ "$(id -u)" -eq 0 ]; then
  bash scripts/install-node18.sh
else
  echo "install-deps: skipping Node.js 18 (scripts/install-node18.sh needs root)" >&2
fi

npm ci --no-audit --no-fund

# What `npm install --offline` of the reloadkit tarball needs (test/integration/npm/new-user.test.ts): npm ci
# caches tarballs only, not the registry metadata a fresh project resolves the CLI's dependencies with.
npx tsx packaging/npm/fill-npm-cache.ts
