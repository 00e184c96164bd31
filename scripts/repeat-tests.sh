#!/usr/bin/env bash
# Runs test files again and again, to show that tests which used to sleep now wait for events and do not flake.
#   scripts/repeat-tests.sh [runs] [server|cluster|e2e]   (default: 20 runs of the server files)
# `cluster` is the several-instance test on PostgreSQL and Redis, run on its own: it starts five servers.
# Each run is a fresh vitest process; a run fails if any of its tests fails. Prints one line per run and a tally,
# and exits non-zero if any run failed. The e2e files need the built client (pnpm build).
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
suite="${2:-server}"

# The files that waited a fixed time before; they now wait for markers, events or fake timers.
server_files=(
  server/src/rooms/compactionQueue.test.ts
  server/src/rooms/persistedDoc.test.ts
  server/src/rooms/room.test.ts
  server/test/connectionLimits.test.ts
  server/test/deadPeer.test.ts
  server/test/privateWriting.test.ts
  server/test/roomLifecycle.test.ts
  server/test/sync.test.ts
  server/test/votes.test.ts
  server/test/backpressure.test.ts
)
cluster_files=(server/test/multiInstance.test.ts)
e2e_files=(
  tests/templateLayer.test.ts
  tests/facilitation.test.ts
)

failed=0
for run in $(seq 1 "$runs"); do
  log="$(mktemp)"
  if [ "$suite" = e2e ]; then
    (cd e2e && npx vitest run --config vitest.config.ts "${e2e_files[@]}") >"$log" 2>&1
  elif [ "$suite" = cluster ]; then
    npx vitest run --project server "${cluster_files[@]}" >"$log" 2>&1
  else
    npx vitest run --project server "${server_files[@]}" >"$log" 2>&1
  fi
  status=$?
  summary="$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ *Tests ' | tr -s ' ' | head -1)"
  if [ "$status" -eq 0 ]; then
    echo "run $run: passed ($summary)"
  else
    failed=$((failed + 1))
    echo "run $run: FAILED ($summary); log kept in $log"
    continue
  fi
  rm -f "$log"
done
echo "$suite: $runs runs, $failed failed"
[ "$failed" -eq 0 ]
