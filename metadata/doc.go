// Package metadata reads Alibaba Cloud's API metadata (the api-docs.json its
// OpenAPI portal serves for each product and version, from which Alibaba's own
// SDKs are generated) and turns it into an OpenAPI 3.0.3 spec in the conventions
// of spec/README.md: a starting point a team then maintains by hand.
//
// Every wire detail the metadata carries that OpenAPI cannot state (a
// parameter's repeatList, flat or json style, a form body, a region's own host)
// is kept as an x-acs-* extension, so nothing a client needs is lost; what the
// metadata holds that acsgen cannot express at all is reported as a Problem that
// names the API and the field, never dropped in silence.
package metadata
