# The gateway image: `docker build -t mizan-gateway .` (add `--build-arg WITH_LLAMA_CPP=true` for edge sites that
# run a GGUF model in-process; the default image talks to model servers and leaves the engine out).
# Runs as the unprivileged `node` user and writes only to /var/lib/mizan and /tmp, so the root file system can be
# mounted read-only (deploy/kubernetes).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts run later, once the sources are here (`prepare` compiles them).
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build
ARG WITH_LLAMA_CPP=false
RUN if [ "$WITH_LLAMA_CPP" = "true" ]; then npm prune --omit=dev; else npm prune --omit=dev --omit=optional; fi

FROM node:20-bookworm-slim
ENV NODE_ENV=production MIZAN_DATA_DIR=/var/lib/mizan
WORKDIR /app
COPY --from=build --chown=root:root /app /app
RUN mkdir -p /var/lib/mizan && chown node:node /var/lib/mizan
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/mizan.js"]
CMD ["serve"]
