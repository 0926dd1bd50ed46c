module github.com/newsflow/newsflow/services/ingest

go 1.26.8

require github.com/newsflow/newsflow/pkg v0.0.0

replace github.com/newsflow/newsflow/pkg => ../../pkg
