// Package acs is the runtime of the clients acsgen generates for Alibaba Cloud APIs:
// endpoints, the request pipeline, ACS3-HMAC-SHA256 signing, credentials, retries and
// typed errors. Generated packages hold only models and thin methods; everything that
// touches the network lives here, written once and tested once.
//
// A call goes through these steps, each a separate piece so that it can be tested and
// replaced on its own:
//
//	build (Request → *http.Request) → sign (Signer, Credentials) → send (http.Client)
//	  → read (size-limited) → classify (success, *Error, retry?) → decode
//
// Retries wrap send-and-classify; every attempt is signed anew with a fresh date and
// nonce, as the service rejects a replayed nonce.
package acs
