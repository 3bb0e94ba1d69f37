#!/usr/bin/env bash
# Installs Debian's chromium and chromedriver for the browser tests, when they are missing.
# The browser tests run this themselves (tests/browser/conftest.py), so CI needs no extra step.
set -euo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "chromium is missing: run  sudo apt-get install -y chromium chromium-driver  (Debian/Ubuntu)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
test -x /usr/bin/chromium && test -x /usr/bin/chromedriver
