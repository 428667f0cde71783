#!/bin/sh
# Installs the Debian packages TalentScope builds and tests with, when missing:
# apt-get where we are root, else the exact command to run is printed.
set -e
PKGS="build-essential pkg-config zlib1g-dev libzstd-dev libvectorscan-dev libcmocka-dev libxlsxwriter-dev libxxhash-dev unzip libxml2-utils"
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
	echo "talentscope: missing Debian packages; run:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
