package mock

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
)

// MaxRequestBody bounds the body of one request.
const MaxRequestBody = 8 << 20

// Options configure a Server.
type Options struct {
	// Recordings is a directory of go-vcr cassettes answered before examples; "" for none.
	Recordings string
	// AccessKeyID and AccessKeySecret turn on signature verification; both or neither.
	AccessKeyID, AccessKeySecret string
}

// Server answers the operations of a spec set. It is safe for concurrent use.
type Server struct {
	set        *contract.Set
	recordings map[string]*session // by recordingKey
	examples   sync.Map            // spec and operation ID → *example, built on first use
	verify     bool
	verifier   acs.Verifier
	nonces     *nonceCache
}

// New builds a server for set. Unreadable or unroutable recordings are errors.
func New(set *contract.Set, opts Options) (*Server, error) {
	if (opts.AccessKeyID == "") != (opts.AccessKeySecret == "") {
		return nil, errors.New("mock: an access key ID needs its secret, and a secret its ID")
	}
	s := &Server{set: set, recordings: map[string]*session{}}
	if opts.AccessKeyID != "" {
		id, secret := opts.AccessKeyID, opts.AccessKeySecret
		s.verify = true
		s.verifier = acs.Verifier{Secret: func(k string) (string, bool) { return secret, k == id }, MaxSkew: 15 * time.Minute}
		// A date may be off by MaxSkew either way, so a nonce stays valid for twice that.
		s.nonces = newNonceCache(2 * s.verifier.MaxSkew)
	}
	if opts.Recordings != "" {
		if err := s.loadRecordings(opts.Recordings); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// ServeHTTP routes, verifies, validates and answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxRequestBody+1))
	if err != nil {
		writeError(w, r, guessStyle(r), "", apiError{http.StatusBadRequest, "InvalidParameter", "the request body could not be read: " + err.Error()})
		return
	}
	if len(body) > MaxRequestBody {
		writeError(w, r, guessStyle(r), "", apiError{http.StatusRequestEntityTooLarge, "RequestTooLarge",
			fmt.Sprintf("the request body exceeds %d bytes", MaxRequestBody)})
		return
	}
	query := r.URL.Query()
	action, version := r.Header.Get("x-acs-action"), r.Header.Get("x-acs-version")
	if action == "" {
		action = query.Get("Action")
	}
	if version == "" {
		version = query.Get("Version")
	}
	rt, params, err := s.set.Match(r.Method, r.URL.EscapedPath(), action, version)
	if err != nil {
		product, style, ok := s.set.API(version)
		if !ok {
			style = guessStyle(r)
		}
		writeError(w, r, style, product, apiError{http.StatusNotFound, "InvalidAction.NotFound", "Specified api is not found: " + err.Error()})
		return
	}
	if s.verify {
		if e := s.checkSignature(r, query, body); e != nil {
			writeError(w, r, rt.Style, rt.Product, *e)
			return
		}
	}
	if e := validate(r, body, rt, params); e != nil {
		writeError(w, r, rt.Style, rt.Product, *e)
		return
	}
	if q := s.recordings[recordingKey(rt, r.URL.EscapedPath(), query, body)]; q != nil {
		q.take().write(w)
		return
	}
	s.example(rt).write(w, rt.Style)
}

// guessStyle shapes an error for a request no spec routes: RPC when it names an
// action in the query or posts to "/", ROA otherwise.
func guessStyle(r *http.Request) string {
	if r.URL.Query().Get("Action") != "" || (r.Method == http.MethodPost && r.URL.Path == "/") {
		return "RPC"
	}
	return "ROA"
}

// checkSignature verifies ACS3 (Authorization header) or V1 (Signature parameter).
//
// A request with two Authorization headers, or two Signature or SignatureNonce
// parameters, is refused: checking one and ignoring the other would let a valid
// copy vouch for whatever rides along. A nonce seen before within the validity
// window is refused as the service refuses it.
func (s *Server) checkSignature(r *http.Request, query url.Values, body []byte) *apiError {
	var err error
	var nonce string
	switch {
	case len(r.Header.Values("Authorization")) > 1:
		return &apiError{http.StatusBadRequest, "IncompleteSignature", "the request has more than one Authorization header"}
	case strings.HasPrefix(r.Header.Get("Authorization"), acs.Algorithm+" "):
		r.Body = io.NopCloser(bytes.NewReader(body))
		err = s.verifier.Verify(r, body)
		nonce = "ACS3 " + r.Header.Get("x-acs-signature-nonce")
	case query.Get("Signature") != "" || strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded"):
		params := url.Values{}
		for k, vs := range query {
			params[k] = vs
		}
		if form, ferr := url.ParseQuery(string(body)); ferr == nil && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
			for k, vs := range form {
				params[k] = append(params[k], vs...)
			}
		}
		if len(params["Signature"]) > 1 || len(params["SignatureNonce"]) > 1 {
			return &apiError{http.StatusBadRequest, "IncompleteSignature", "the request has more than one Signature or SignatureNonce parameter"}
		}
		err = verifyV1(r.Method, params, s.verifier.Secret)
		nonce = "V1 " + params.Get("SignatureNonce")
	default:
		return &apiError{http.StatusBadRequest, "IncompleteSignature", "the request is not signed: no ACS3 Authorization header and no Signature parameter"}
	}
	if err == nil {
		// Only a request that verified may use up a nonce: otherwise anyone
		// could block a client's next nonce by sending it first.
		if !strings.HasSuffix(nonce, " ") && s.nonces.used(nonce, time.Now()) {
			return &apiError{http.StatusBadRequest, "SignatureNonceUsed", "Specified signature nonce was used already."}
		}
		return nil
	}
	var ve *acs.VerifyError
	if !errors.As(err, &ve) {
		return &apiError{http.StatusBadRequest, "IncompleteSignature", err.Error()}
	}
	e := &apiError{Status: http.StatusBadRequest, Code: ve.Code, Message: ve.Reason}
	switch ve.Code {
	case "InvalidAccessKeyId.NotFound":
		e.Status, e.Message = http.StatusNotFound, "Specified access key is not found."
	case "SignatureDoesNotMatch":
		e.Message = "Specified signature does not match our calculation."
		if ve.StringToSign != "" {
			e.Message += " server string to sign is:" + ve.StringToSign
		}
	}
	return e
}
