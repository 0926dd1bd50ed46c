# Builds the enrich service: a static binary in a distroless image, run as non-root.
# Build from the repository root: docker build -f deploy/enrich.Dockerfile .
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY pkg/ pkg/
COPY services/enrich/ services/enrich/
# The module builds on its own (GOWORK=off): only what enrich needs goes in.
RUN cd services/enrich && GOWORK=off go mod download
RUN cd services/enrich && CGO_ENABLED=0 GOWORK=off go build -trimpath -ldflags="-s -w" -o /out/enrich .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/enrich /usr/local/bin/enrich
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/enrich"]
