# The managed deployment: the compiled integration with its production
# dependencies only, run by the SDK's CLI (`j1-integration run`), which
# collects and uploads to JupiterOne. test/run.test.ts runs this image's
# folder, laid out the same way without Docker.
#
# The container takes its settings from the environment:
# - Salesforce: INSTANCE_URL, CLIENT_ID, CLIENT_SECRET and the optional fields
#   of .env.example;
# - JupiterOne: JUPITERONE_API_KEY, JUPITERONE_ACCOUNT and
#   INTEGRATION_INSTANCE_ID.
#
# Install scripts are skipped in both stages: the only ones in the tree print
# a notice (aws-sdk), install git hooks (husky) or build an optional DTrace
# probe (dtrace-provider) that the SDK's logger does without.

FROM node:20-bookworm-slim AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY deploy ./deploy
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /opt/jupiterone/integration
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm cache clean --force
# The CLI writes the run's graph under dist/.j1-integration.
COPY --from=build --chown=node:node /build/dist ./dist
USER node
# deploy/run.ts: `j1-integration run` with secrets kept out of its output and
# an exit status that is not 0 when steps fail or the job is aborted. Arguments
# given to `docker run` are added to the command, such as --api-base-url for a
# JupiterOne region other than the default.
ENTRYPOINT ["node", "dist/deploy/run.js", "dist"]
