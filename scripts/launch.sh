#!/usr/bin/env bash
# Shared body of the ./gfspnfs and ./gfsctl launchers: build what is missing (quietly, once), then run MAIN.
# Usage: scripts/launch.sh MAIN_CLASS [args...]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
main=$1; shift
stamp="$root/node/target/.launcher-stamp"

needs_build() {
  [ -f "$stamp" ] || return 0
  [ -n "$(find "$root" -path "$root/var" -prune -o -path '*/target' -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]
}

if needs_build; then
  log="$root/node/target/launcher-build.log"
  mkdir -p "$root/node/target"
  echo "gfspnfs: building (first run or sources changed; log: ${log#$root/}) ..." >&2
  if ! (cd "$root" && mvn -B -q -DskipTests -pl node -am package >"$log" 2>&1); then
    echo "gfspnfs: build failed; see $log" >&2
    tail -n 30 "$log" >&2
    exit 8
  fi
  touch "$stamp"
fi

jar=$(ls "$root"/node/target/node-*.jar | head -n 1)
exec java ${GFSPNFS_JAVA_OPTS:-} -cp "$jar:$root/node/target/lib/*" "$main" "$@"
