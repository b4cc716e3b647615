#!/usr/bin/env bash
# Debian packages for the browser check of the HTML report and for optional OCR.
# Installed only when missing; needs root (CI and the dev machines run as root).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-vie)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "install-system-deps: not root; skipping ${need[*]} (browser/OCR tests will be skipped)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
