#!/usr/bin/env bash
# Installs annals from the build tree into a temporary prefix, builds the example
# against it through CMake and through pkg-config, and runs both on the seeds.
# Usage: install_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1 build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
"$tmp/prefix/bin/annals" import --quiet --db "$tmp/kb.db" "$src/seeds"

check() {  # the example must answer with the 1960 milestone and later events
  local out
  out=$("$1" "$tmp/kb.db" Laos Russia)
  echo "$out"
  grep -q "Relations established: 1960" <<<"$out"
  grep -q "visit" <<<"$out"
}

cmake -S "$src/examples" -B "$tmp/cmake-build" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/cmake-build" >/dev/null
LD_LIBRARY_PATH="$tmp/prefix/lib" check "$tmp/cmake-build/relations_since"

export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
# shellcheck disable=SC2046
g++ -o "$tmp/relations_since_pc" "$src/examples/relations_since.cc" $(pkg-config --cflags --libs annals)
LD_LIBRARY_PATH="$tmp/prefix/lib" check "$tmp/relations_since_pc"
echo "install test: cmake and pkg-config builds of the example both answered"
