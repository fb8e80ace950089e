# The API with the built dashboard, on Node 20, as a non-root user. Build from the
# repository root:
#   docker build -f docker/api.Dockerfile -t collection-watch .
# Stage 1 installs everything and builds; stage 2 keeps production dependencies and the
# built output only (no sources, no compilers, no dev dependencies).
FROM node:20-bookworm-slim AS build
WORKDIR /src
# The workspace manifests first: the npm ci layer is reused until dependencies change.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/dashboard/package.json apps/dashboard/
COPY libs/domain/package.json libs/domain/
COPY libs/text/package.json libs/text/
COPY libs/charts/package.json libs/charts/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --projects=domain,text,api,dashboard --output-style=stream

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    SHUTDOWN_GRACE_SECONDS=30
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/dashboard/package.json apps/dashboard/
COPY libs/domain/package.json libs/domain/
COPY libs/text/package.json libs/text/
COPY libs/charts/package.json libs/charts/
COPY tests/package.json tests/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/libs/domain/dist libs/domain/dist
COPY --from=build /src/libs/text/dist libs/text/dist
COPY --from=build /src/apps/api/dist apps/api/dist
COPY --from=build /src/apps/dashboard/dist apps/dashboard/dist
# The embedded database's folder (used only without DATABASE_URL), owned by the runtime user.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
# Alive and serving HTTP. Load balancers should use /health/ready (database reachable,
# migrations current): see docs/operations.md.
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# main.js handles SIGTERM itself (graceful shutdown): run it directly, not through a shell.
STOPSIGNAL SIGTERM
CMD ["node", "apps/api/dist/main.js"]
