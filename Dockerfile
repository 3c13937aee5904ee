# syntax=docker/dockerfile:1
# mTLS Console: the dashboard image (the last stage, the default target) and
# the scheduled watch (`--target watch`). docs/deploy.md has the commands.
#   docker build -t mtls-console:TAG .
#   docker build --target watch -t mtls-console:TAG-watch .

# Dependencies and the production build (Next.js standalone output).
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build \
  && npx tsx infra/watch-bundle.ts \
  && mkdir -p public

# The watch CLI, bundled into one file: no node_modules needed.
FROM node:24-bookworm-slim AS watch
WORKDIR /app
ENV NODE_ENV=production MTLS_CONSOLE_BACKEND=aws
COPY --from=build /app/infra/dist/watch.mjs ./watch.mjs
USER node
CMD ["node", "watch.mjs"]

# The dashboard: the standalone server, its static files and public/, nothing else.
FROM node:24-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production \
  PORT=3000 \
  NEXT_MANUAL_SIG_HANDLE=true \
  NEXT_TELEMETRY_DISABLED=1 \
  NODE_OPTIONS="--max-old-space-size=256 --max-semi-space-size=4" \
  MALLOC_ARENA_MAX=2 \
  KEEP_ALIVE_TIMEOUT=65000
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/scripts/start.mjs ./start.mjs
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# start.mjs reads ALLOWED_ORIGINS and KEEP_ALIVE_TIMEOUT at start (server.js has them from the build).
# Optimizing compiles on the main thread (a V8 flag NODE_OPTIONS does not take): queued at
# once on the compiler thread, their memory took 30-40 MB that malloc kept.
CMD ["node", "--no-concurrent-recompilation", "start.mjs"]
