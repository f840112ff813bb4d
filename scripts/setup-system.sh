#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the lab needs. Runs from `npm install` (postinstall) and `.ci/run`.
#   libxgboost0        the real XGBoost C library, called from TypeScript through koffi
#   jupyter-nbconvert  executes the notebooks headless and exports them to HTML
#   chromium           headless browser for the notebook/dashboard tests, figure PNGs and track PDFs
#   python3-xgboost, python3-sklearn, python3-pandas
#                      the Python reference: portability tests and side-by-side benchmarks only
# As root on Debian/Ubuntu it installs what is missing; anywhere else it prints the command and continues.
set -u
PACKAGES=(libxgboost0 jupyter-nbconvert python3-nbclient chromium fonts-dejavu-core fonts-noto-cjk
          jupyter-notebook python3-jupyter-kernel-test python3-jupyter-console
          python3-xgboost python3-sklearn python3-pandas)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
else
  missing=("${PACKAGES[@]}")
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all system packages present (${PACKAGES[*]})"
  exit 0
fi

cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && [ "${LAB_SKIP_SYSTEM_SETUP:-}" != "1" ]; then
  echo "setup-system: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/lab-apt.log 2>&1; then
    echo "setup-system: done"
  else
    echo "setup-system: apt-get failed (log: /tmp/lab-apt.log); run as root: $cmd" >&2
    [ "${CI:-}" = "true" ] && exit 1
  fi
else
  echo "setup-system: these system packages are missing: ${missing[*]}"
  echo "setup-system: install them with: sudo sh -c '$cmd'"
  echo "setup-system: (continuing; XGBoost, notebooks and browser tests need them)"
fi
exit 0
