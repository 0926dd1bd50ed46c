# Builds the store service: a static binary in a distroless image, run as non-root.
# Build from the repository root: docker build -f deploy/store.Dockerfile .
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY pkg/ pkg/
COPY services/store/ services/store/
# The module builds on its own (GOWORK=off): only what store needs goes in.
RUN cd services/store && GOWORK=off go mod download
RUN cd services/store && CGO_ENABLED=0 GOWORK=off go build -trimpath -ldflags="-s -w" -o /out/store .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/store /usr/local/bin/store
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/store"]
