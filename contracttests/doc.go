// Package contracttests checks acsgen's generated clients against the specs they come
// from and against an independent generator. It holds only tests:
//
//   - every example in the specs validates against its schema (examples_test.go);
//   - the go-vcr cassettes under testdata, recorded from the generated clients by
//     internal/recordgen, are current (recordings_current_test.go), hold no
//     credentials (credentials_test.go) and pass the contract check with no findings
//     (recordings_valid_test.go);
//   - every documented and recorded body decodes into the generated types and encodes
//     back to the same JSON, with no key dropped (roundtrip_test.go), and oapi-codegen's
//     models of the same specs agree (oapiref_test.go);
//   - the negative cassettes under testdata/negative produce exactly the findings in
//     their .want files (negative_test.go);
//   - the cassettes replay through the generated clients (replay_test.go);
//   - the generated clients, the mock and the contract check give one verdict on
//     required and optional parameters sent absent, empty or set (empty_agree_test.go).
//
// Regenerate the cassettes with
//
//	go test ./contracttests -run TestRecordingsAreCurrent -record
//
// and the negative fixtures' expected findings with
//
//	go test ./contracttests -run TestNegativeFixtures -update
package contracttests
