package acs_test

import (
	"net/http"
	"testing"

	"github.com/acsgen/acsgen/acs"
)

// BenchmarkSign builds and signs an RPC-style request as the client does.
func BenchmarkSign(b *testing.B) {
	cred := acs.Credential{AccessKeyID: "LTAI5tBenchTestKey0001", AccessKeySecret: "bench-test-secret-0123456789"}
	b.ReportAllocs()
	for b.Loop() {
		req, err := http.NewRequest(http.MethodPost, "https://apigateway.cn-hangzhou.aliyuncs.com/?ApiIds=a%2Cb&PluginId=p&StageName=TEST", nil)
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("X-Acs-Action", "AttachPlugin")
		req.Header.Set("X-Acs-Version", "2016-07-14")
		req.Header.Set("Accept", "application/json")
		req.Header.Set("User-Agent", "acsgen-bench")
		acs.Signer{}.Sign(req, nil, cred)
	}
}
