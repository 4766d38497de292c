// Package apig is oapi-codegen v2's client for spec/apig-2024-03-27.yaml, committed so
// the benchmarks compare against it without generating at run time. It is plain
// OpenAPI: it neither signs requests nor sends x-acs-* headers.
package apig

//go:generate go run ../gen -spec ../../../../spec/apig-2024-03-27.yaml -package apig -out client.gen.go
