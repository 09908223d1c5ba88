#!/usr/bin/env bash
# The README's test command: installs what the tests need from the system (idempotently), then runs
# every unit test (surefire, *Test) and every integration test (failsafe, *IT).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/install-test-deps.sh
exec mvn -B verify "$@"
