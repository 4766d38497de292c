// Package userproj is the root of a team's project that keeps the specs of the
// Alibaba Cloud APIs it calls in spec/ and their clients in internal/acsapi.
package userproj

// acsgen is a tool of this module (go get -tool github.com/acsgen/acsgen/cmd/acsgen);
// acsgen.yaml says where everything goes.
//go:generate go tool acsgen generate
//go:generate go tool acsgen docs
