# One image for every process of the platform; docker-compose.yml and deploy/k8s pick the entry point
# per process. The base image is pinned to the Node version the project is tested with.
# `npm ci` installs exactly package-lock.json (deploy/compose-and-image.test.ts checks the lockfile is
# one npm ci accepts: in sync with package.json, with the linux-x64 native packages this image needs).
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
# The build stage keeps the dev dependencies: the Prisma CLI runs the migrations from it
# (compose's migrate service, the Kubernetes db-migrate Job: image checkout-platform-build).
RUN npm run build

FROM build AS prune
RUN npm prune --omit=dev

FROM node:20.20.2-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=prune /app /app
USER node
CMD ["node", "dist/api/main.js"]
