# The API with the built dashboard, on Node 20. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t collection-watch .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/dashboard/package.json apps/dashboard/
COPY libs/domain/package.json libs/domain/
COPY libs/charts/package.json libs/charts/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --projects=domain,api,dashboard --output-style=stream

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/dashboard/package.json apps/dashboard/
COPY libs/domain/package.json libs/domain/
COPY libs/charts/package.json libs/charts/
COPY tests/package.json tests/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/libs/domain/dist libs/domain/dist
COPY --from=build /src/apps/api/dist apps/api/dist
COPY --from=build /src/apps/dashboard/dist apps/dashboard/dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/graphql',{method:'POST',headers:{'content-type':'application/json'},body:'{\"query\":\"{__typename}\"}'}).then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "apps/api/dist/main.js"]
