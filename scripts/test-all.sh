#!/usr/bin/env bash
# Install everything the tests need (Debian's chromium, a Java runtime, the npm test tools,
# the package with its test extras), then run every test, browser and validator gates included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
ruff check generator tests benchmarks
mypy
lint-imports --no-logo   # stages import only downward (docs/architecture.md)
python3 -m pytest -n 2 --dist loadfile "$@"
