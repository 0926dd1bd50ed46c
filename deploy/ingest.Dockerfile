# syntax=docker/dockerfile:1
# Builds the ingest service: a static binary in a distroless image, run as non-root.
# Build from the repository root (BuildKit, the default of Compose v2):
#   docker build -f deploy/ingest.Dockerfile .
# The Go version is the one go.mod asks for (deploycheck's test keeps them equal).
FROM golang:1.26.8-bookworm AS build
WORKDIR /src
ENV GOWORK=off CGO_ENABLED=0
# Modules first: this layer stays cached until a go.mod or go.sum changes.
COPY pkg/go.mod pkg/go.sum pkg/
COPY services/ingest/go.mod services/ingest/go.sum services/ingest/
RUN --mount=type=cache,target=/go/pkg/mod \
    cd services/ingest && go mod download
# The module builds on its own: only what ingest needs goes in.
COPY pkg/ pkg/
COPY services/ingest/ services/ingest/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd services/ingest && go build -trimpath -ldflags="-s -w" -o /out/ingest .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/ingest /usr/local/bin/ingest
USER nonroot:nonroot
EXPOSE 8080
# The compose health check runs 'ingest healthcheck' (the image has no wget).
ENTRYPOINT ["/usr/local/bin/ingest"]
