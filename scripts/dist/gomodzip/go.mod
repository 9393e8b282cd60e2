module github.com/datasync-privatelink/datasync-privatelink/scripts/dist/gomodzip

go 1.26.6

require golang.org/x/mod v0.38.0
