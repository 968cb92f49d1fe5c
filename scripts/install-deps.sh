#!/usr/bin/env bash
# Installs the Debian packages siterank needs, only those missing.
# Usage: scripts/install-deps.sh   (as root, or with sudo available)
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libgdal-dev gdal-bin libproj-dev proj-bin
  libboost-dev libboost-filesystem-dev
  nlohmann-json3-dev libvalijson-dev catch2
  time  # /usr/bin/time -v for bench/run
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "installing: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
