module github.com/newsflow/newsflow/cmd/newsflow

go 1.26.8

require (
	github.com/newsflow/newsflow/pkg v0.0.0
	github.com/newsflow/newsflow/services/ingest v0.0.0
	github.com/newsflow/newsflow/services/enrich v0.0.0
	github.com/newsflow/newsflow/services/store v0.0.0
)

replace (
	github.com/newsflow/newsflow/pkg => ../../pkg
	github.com/newsflow/newsflow/services/ingest => ../../services/ingest
	github.com/newsflow/newsflow/services/enrich => ../../services/enrich
	github.com/newsflow/newsflow/services/store => ../../services/store
)
