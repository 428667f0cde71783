#!/bin/sh
# Installs what `make fuzz` needs beyond the build: Debian's clang and its
# compiler runtime (libFuzzer, ASan, UBSan live in libclang-rt-14-dev).
# apt-get where we are root, else the exact command to run is printed.
set -e
PKGS="clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "talentscope: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq $missing >&2
else
	echo "talentscope: fuzzing needs Debian packages; run:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
