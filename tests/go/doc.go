// Package consumer holds the Go SDK consumer tests (consumer_test.go). This file gives the
// package a non-test source so `go build ./...` and `go vet ./...` have something to anchor on.
package consumer
