#!/bin/sh
# The test command: install what is missing (make included), then `make test`
# (every unit and end-to-end test, plain and under ASan+UBSan), which ends
# with one line "N passed, N failed".
set -e
cd "$(dirname "$0")/.."
sh scripts/deps.sh
make test
