// Package interop proves that acsgen's generated clients talk to Alibaba Cloud the way
// Alibaba's own SDK cores do. It holds tests only.
//
// Every test runs real HTTP over loopback (httptest): the same call is made by a
// generated client (generated/apig, generated/cloudapi on the acs runtime) and by a
// reference client, and the server compares what arrived:
//
//   - darabonba-openapi v2 CallApi, with exactly the Params the official product SDKs
//     (apig-20240327, cloudapi-20160714) pass to it: the V3 (ACS3-HMAC-SHA256) core
//     every current Alibaba Go SDK is built on;
//   - alibaba-cloud-sdk-go's cloudapi.AttachPlugin: the older core, which signs V1
//     (HMAC-SHA1) with the common parameters in the query; only its business
//     parameters are compared.
//
// What the tests prove:
//
//   - wire_test.go: the same inputs give the same method, path, query, body and
//     signed-header set (less the headers that are per-client by design, each listed
//     and justified), including awkward path and query values;
//   - everyop_test.go: every operation of the seven products (712, APIG's and
//     CloudAPI's 311 among them), imported from Alibaba's metadata in ../shared/metadata and generated at test time into a
//     throwaway module, with every parameter filled, sends what CallApi sends for
//     the maps and Params the official SDK's method builds, byte for byte in path,
//     query and body, and both signatures verify;
//   - signature_test.go: acs.Verifier accepts darabonba's signatures (RPC, ROA, STS)
//     and the generated clients' signatures, and refuses tampered requests, so the
//     signer, the verifier and Alibaba's signer agree on one algorithm;
//   - response_test.go: the spec's documented example bodies decode to the same data
//     through darabonba and through the generated types;
//   - errors_test.go: error bodies give the same code, HTTP status and request ID
//     through darabonba's *tea.SDKError, the old SDK's *errors.ServerError and
//     acsgen's *acs.Error;
//   - mock_test.go: `acsgen mock` accepts both cores' signatures (ACS3 and V1) and
//     answers them as the service would.
//
// This directory is its own module (replacing the main one with ../), so the
// reference clients never enter the main module's requirements. After a change to
// the main go.mod, run `go mod tidy` here and in bench/.
package interop
