#!/usr/bin/env bash
# Installs what annals needs from Debian's packages, only what is missing.
# Idempotent: a second run installs nothing. Needs root (or sudo) when anything is missing.
#   tools/install-deps.sh          what the build and the tests need
#   tools/install-deps.sh bench    also gnuplot-nox, for the benchmark plots
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libsqlitecpp-dev libsqlite3-dev sqlite3
  libfmt-dev libhowardhinnant-date-dev doctest-dev nlohmann-json3-dev libmimalloc-dev
  iso-codes
)
[ "${1:-}" = bench ] && packages+=(gnuplot-nox)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
