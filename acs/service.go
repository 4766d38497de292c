package acs

// Style is how an API puts operations on the wire.
type Style string

const (
	// StyleRPC sends every action as POST / with the action in x-acs-action and the
	// parameters in the query.
	StyleRPC Style = "RPC"
	// StyleROA gives every operation its own method and path.
	StyleROA Style = "ROA"
)

// Service describes one product and version to the runtime. Generated packages
// declare one from their spec.
type Service struct {
	Product       string   // e.g. "APIG"
	Version       string   // sent as x-acs-version, e.g. "2024-03-27"
	Style         Style    // RPC or ROA
	Endpoint      string   // URL template with an optional {regionId}, e.g. "https://apig.{regionId}.aliyuncs.com"
	DefaultRegion string   // region used when none is configured
	Regions       []string // regions the endpoint template serves; empty means any
	// RegionHosts are the hosts of regions the template does not fit, by region ID:
	// a client for such a region calls the template's URL with this host instead.
	RegionHosts map[string]string
	Unsigned    bool // a plain OpenAPI service: no ACS3 signature, no x-acs-* headers
}
