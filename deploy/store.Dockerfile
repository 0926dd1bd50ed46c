# syntax=docker/dockerfile:1
# Builds the store service: a static binary in a distroless image, run as non-root.
# Build from the repository root (BuildKit, the default of Compose v2):
#   docker build -f deploy/store.Dockerfile .
# The Go version is the one go.mod asks for (deploycheck's test keeps them equal).
FROM golang:1.26.8-bookworm AS build
WORKDIR /src
ENV GOWORK=off CGO_ENABLED=0
# Modules first: this layer stays cached until a go.mod or go.sum changes.
COPY pkg/go.mod pkg/go.sum pkg/
COPY services/store/go.mod services/store/go.sum services/store/
RUN --mount=type=cache,target=/go/pkg/mod \
    cd services/store && go mod download
# The module builds on its own: only what store needs goes in.
COPY pkg/ pkg/
COPY services/store/ services/store/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd services/store && go build -trimpath -ldflags="-s -w" -o /out/store .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/store /usr/local/bin/store
USER nonroot:nonroot
EXPOSE 8080
# The compose health check runs 'store healthcheck' (the image has no wget).
ENTRYPOINT ["/usr/local/bin/store"]
