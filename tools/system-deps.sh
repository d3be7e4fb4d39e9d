#!/usr/bin/env bash
# Installs the system packages the tests need when the machine lacks them (Debian/Ubuntu, as root).
# Qt's offscreen platform needs libEGL, libGL, fontconfig and xkbcommon; the records tests start a real
# PostgreSQL server from its binaries (they stop it themselves); the certificate tests check PDFs with
# qpdf and poppler-utils and scan their QR codes with zbar-tools. Does nothing when all is present.
set -euo pipefail
missing=()
need() { dpkg -s "$1" >/dev/null 2>&1 || missing+=("$1"); }
if command -v dpkg >/dev/null 2>&1; then
  for package in libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core qpdf poppler-utils zbar-tools; do need "$package"; done
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
    missing+=(postgresql)
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing system packages (install them with your package manager): ${missing[*]}" >&2
  fi
fi
