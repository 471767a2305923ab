#!/usr/bin/env bash
# A production install of the bot in DEST: `scripts/prod-install.sh DEST` (DEST new or empty).
#
# What the Docker image's build stage runs (see Dockerfile), and what a host install without Docker
# can run too. From this checkout it copies the sources to DEST, then there: `npm ci` (all
# dependencies, from the lock file), `npm run build` (the programs into dist/), `npm prune
# --omit=dev`, and removes the sources. DEST is then self-contained: package.json, the lock file,
# node_modules (runtime dependencies only), dist/ and knowledge/. Start it from DEST with
# `node dist/main.js` (the bot), `node dist/shard.js` (sharded) or `node dist/ask.js …` (tools);
# at run time nothing is written there except data/ (DATABASE_PATH's default). The checkout itself
# is only read.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST=${1:?usage: scripts/prod-install.sh DEST}

if [ -e "$DEST" ] && [ -n "$(ls -A "$DEST")" ]; then
  echo "prod-install: $DEST is not empty; give a new or empty folder." >&2
  exit 2
fi
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)

# What the build reads: the manifest and lock file, the sources, the build script, the knowledge.
for part in package.json package-lock.json tsconfig.json scripts src commands knowledge; do
  cp -R "$ROOT/$part" "$DEST/$part"
done

cd "$DEST"
npm ci --no-audit --no-fund
npm run build
npm prune --omit=dev --no-audit --no-fund
rm -rf scripts src commands tsconfig.json
echo "prod-install: ready in $DEST; start it there with: node dist/main.js"
