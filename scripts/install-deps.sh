#!/usr/bin/env bash
# Installs the Debian packages siterank needs, only those missing, then the
# npm packages of web/ (Leaflet for the HTML report, the test tools) from
# web/package-lock.json when web/node_modules is missing or older than it.
# chromium runs the report's browser test; the font gives its screenshot
# Chinese glyphs.
# Usage: scripts/install-deps.sh [PACKAGE...]   (as root, or with sudo
# available); extra Debian packages a script needs besides these
# (scripts/fuzz.sh: clang) are installed the same way.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build pkg-config
  libgdal-dev gdal-bin libproj-dev proj-bin
  libboost-dev libboost-filesystem-dev
  nlohmann-json3-dev libvalijson-dev catch2
  chromium fonts-wqy-microhei
  time  # /usr/bin/time -v for bench/run
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# Node.js and npm by command, not by package: a nodejs from elsewhere (such
# as NodeSource's, which bundles npm and conflicts with Debian's npm) does.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Exactly the versions of the lock file; nothing from npm is kept in git.
if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules ]; then
  echo "installing npm packages: npm ci --prefix web" >&2
  npm ci --prefix web --no-audit --no-fund >/dev/null
  touch web/node_modules
fi
