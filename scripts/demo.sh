#!/bin/sh
# The main job: install what is missing, build, write the demo dataset and
# its report (demo/data, demo/report).
set -e
cd "$(dirname "$0")/.."
sh scripts/deps.sh
make -j2 talentscope
./talentscope demo -o demo
