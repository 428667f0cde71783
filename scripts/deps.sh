#!/bin/sh
# Installs the Debian packages TalentScope builds and tests with, when missing:
# apt-get where we are root, else the exact command to run is printed.  The
# build's packages are required (exit 1 without them); chromium, for the
# browser test of report.html, is installed with them but is not required:
# without it that test skips.
set -e
PKGS="build-essential pkg-config zlib1g-dev libzstd-dev libvectorscan-dev libcmocka-dev libxlsxwriter-dev libxxhash-dev unzip libxml2-utils"
OPTIONAL="chromium fonts-noto-cjk"

missing_of() {
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || printf ' %s' "$p"
	done
}

missing=$(missing_of $PKGS)
optional=$(missing_of $OPTIONAL)
[ -z "$missing$optional" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "talentscope: installing$missing$optional" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq $missing $optional >&2
elif [ -n "$missing" ]; then
	echo "talentscope: missing Debian packages; run:" >&2
	echo "  sudo apt-get install -y$missing$optional" >&2
	exit 1
else
	echo "talentscope: without$optional the browser test skips; to run it:" >&2
	echo "  sudo apt-get install -y$optional" >&2
fi
