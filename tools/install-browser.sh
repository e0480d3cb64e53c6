#!/bin/sh
# Install what the browser tests of the HTML views need, from Debian: chromium, chromium-driver
# (selenium drives /usr/bin/chromium through /usr/bin/chromedriver, so selenium-manager never
# downloads a browser) and a small CJK font so screenshots show Chinese labels.
# A no-op when all three are present. Needs root (apt-get).
set -eu
FONT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -f "$FONT" ]; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium chromium-driver fonts-wqy-microhei
