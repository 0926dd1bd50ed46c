# Builds the ingest service: a static binary in a distroless image, run as non-root.
# Build from the repository root: docker build -f deploy/ingest.Dockerfile .
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY pkg/ pkg/
COPY services/ingest/ services/ingest/
# The module builds on its own (GOWORK=off): only what ingest needs goes in.
RUN cd services/ingest && GOWORK=off go mod download
RUN cd services/ingest && CGO_ENABLED=0 GOWORK=off go build -trimpath -ldflags="-s -w" -o /out/ingest .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/ingest /usr/local/bin/ingest
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/ingest"]
