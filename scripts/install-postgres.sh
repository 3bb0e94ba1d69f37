#!/usr/bin/env bash
# Prints the folder of Debian's PostgreSQL server programs (initdb, pg_ctl), e.g. /usr/lib/postgresql/15/bin,
# installing Debian's postgresql package first when no initdb is found. Idempotent.
# The PostgreSQL tests run this themselves (tests/scale/conftest.py), so CI needs no extra step.
set -euo pipefail

find_bin() {
  local d best=""
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do  # the last is the newest major version
    if [[ -x $d/initdb && -x $d/pg_ctl ]]; then best=$d; fi
  done
  if [[ -z $best ]] && command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    best=$(dirname "$(command -v initdb)")
  fi
  [[ -n $best ]] && echo "$best"
}

if bin=$(find_bin); then
  echo "$bin"
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "PostgreSQL is missing: run  sudo apt-get install -y postgresql  (Debian/Ubuntu)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
# The server programs only: the tests start their own server in a temporary folder.
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
bin=$(find_bin) || { echo "postgresql was installed but no initdb was found" >&2; exit 1; }
echo "$bin"
