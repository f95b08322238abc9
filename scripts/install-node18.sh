#!/usr/bin/env bash
# Installs Debian 12's Node.js 18 beside the machine's newer Node, so that the runtime's unit tests can run on
# the Node that Debian 12 servers run (test/unit/runtime-on-node18.test.ts).
#
# Debian's `nodejs` 18 conflicts with a newer `nodejs` package in /usr, so its packages (nodejs, libnode108,
# and libnode-dev, whose headers build the optional unix-dgram addon for Node 18) are downloaded and extracted
# into $NODE18_PREFIX (default /opt/node18) instead of installed. What they depend on that does not conflict
# is installed from the archive as usual: libc-ares2, libuv1-dev (the addon's headers include uv.h), and the
# JavaScript libraries Debian builds into node by absolute path (/usr/share/nodejs/{cjs-module-lexer,undici,
# acorn}). $NODE18_PREFIX/bin/node runs that node with its libnode. Idempotent.
set -euo pipefail

prefix="${NODE18_PREFIX:-/opt/node18}"
node_version_prefix="18."
arch="$(dpkg --print-architecture)"
libdir="$prefix/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo "$(uname -m)-linux-gnu")"

if [ -x "$prefix/bin/node" ] && [ -f "$prefix/usr/include/node/node.h" ] && "$prefix/bin/node" --version 2>/dev/null | grep -q "^v${node_version_prefix}"; then
  echo "install-node18: $("$prefix/bin/node" --version) already in $prefix"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-node18: needs root (apt-get install, writing $prefix)" >&2
  exit 1
fi

# Debian's own version of nodejs 18: the archive's, not a third-party repository's newer one.
version="$(apt-cache madison nodejs | awk -v p="$node_version_prefix" '$3 ~ "^"p && $3 ~ /dfsg/ { print $3; exit }')"
if [ -z "$version" ]; then
  echo "install-node18: no Debian nodejs ${node_version_prefix}x in the apt sources (apt-cache madison nodejs); run apt-get update" >&2
  exit 1
fi

shared=(libc-ares2 libuv1-dev node-cjs-module-lexer node-undici node-acorn)
missing=()
for pkg in "${shared[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-node18: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

download="$(mktemp -d)"
trap 'rm -rf "$download"' EXIT
chmod 755 "$download" # apt's download sandbox user must be able to write here
echo "install-node18: nodejs, libnode108 and libnode-dev $version ($arch) into $prefix"
(cd "$download" && apt-get download -qq "nodejs=$version" "libnode108=$version" "libnode-dev=$version")
rm -rf "$prefix"
mkdir -p "$prefix/bin"
for deb in "$download"/*.deb; do
  dpkg-deb -x "$deb" "$prefix"
done

cat >"$prefix/bin/node" <<EOF
#!/bin/sh
# Debian's nodejs $version, extracted (scripts/install-node18.sh); finds its libnode here.
LD_LIBRARY_PATH="$libdir\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH
exec "$prefix/usr/bin/node" "\$@"
EOF
chmod 755 "$prefix/bin/node"
"$prefix/bin/node" -e 'if (!process.versions.node.startsWith("18.")) process.exit(1)'
echo "install-node18: $("$prefix/bin/node" --version) at $prefix/bin/node"
