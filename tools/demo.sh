#!/usr/bin/env bash
# README command 1: install, build, import seeds/ into annals.db, print what is in it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
rm -f annals.db annals.db-wal annals.db-shm
./build/annals import --db annals.db seeds/
./build/annals stats --db annals.db
./build/annals sources --db annals.db --facts
