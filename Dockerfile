# The bot as a container: `docker compose up -d` (compose.yaml), or `docker build -t kb-bot .`.
# Build stage: all dependencies, the build into dist/, then the dev dependencies pruned, by
# scripts/prod-install.sh (the same script a test runs on a clean copy, since no Docker engine runs
# where this project is developed). Run stage: Node, the runtime dependencies, dist/ and knowledge/,
# run by the unprivileged `node` user; the database lives in the /app/data volume.
FROM node:24-bookworm AS build
WORKDIR /src
COPY . .
RUN bash scripts/prod-install.sh /app

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/app/data/bot.db \
    CACHE_DIR=/tmp/kb-cache \
    HEALTH_PORT=8080 \
    HEALTH_HOST=0.0.0.0
WORKDIR /app
# The code stays root's and read-only to the bot; only data/ is its own.
COPY --from=build /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
# GET /healthz answers 200 once the gateway is connected, the knowledge base loaded and storage
# writable. The slim image has no curl: Node's fetch asks instead.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself is PID 1 (no npm, no shell): SIGTERM from `docker stop` reaches the bot, which
# finishes replies in flight for up to SHUTDOWN_GRACE_MS and exits 0.
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/main.js"]
