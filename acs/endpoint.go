package acs

import (
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
)

// RegionEnv names the environment variable that picks the region when no
// WithRegion option is given (the variable Alibaba's CLI and tools read).
const RegionEnv = "ALIBABA_CLOUD_REGION_ID"

// resolveEndpoint picks the base URL: WithEndpoint, else the service's template
// filled with WithRegion, $ALIBABA_CLOUD_REGION_ID or the default region, with the
// region's own host when RegionHosts has one.
func resolveEndpoint(svc Service, cfg *config) (*url.URL, error) {
	raw := cfg.endpoint
	if raw == "" {
		region := cfg.region
		if region == "" {
			region = os.Getenv(RegionEnv)
		}
		if region == "" {
			region = svc.DefaultRegion
		}
		switch {
		case region != "" && !validRegion(region):
			// A region goes into the host name: one such as "x@evil.example/" would
			// send signed requests elsewhere.
			return nil, fmt.Errorf("acs: region %q is not a region ID (lower-case letters, digits and hyphens)", region)
		case svc.Endpoint == "":
			return nil, fmt.Errorf("acs: %s declares no endpoint; use acs.WithEndpoint", svc.Product)
		case strings.Contains(svc.Endpoint, "{regionId}") && region == "":
			return nil, fmt.Errorf("acs: no region for %s; use acs.WithRegion or set %s", svc.Product, RegionEnv)
		case len(svc.Regions) > 0 && !slices.Contains(svc.Regions, region):
			return nil, fmt.Errorf("acs: unknown region %q for %s; known regions: %s (acs.WithEndpoint reaches others)",
				region, svc.Product, strings.Join(svc.Regions, ", "))
		}
		raw = strings.ReplaceAll(svc.Endpoint, "{regionId}", region)
		if host, ok := svc.RegionHosts[region]; ok {
			u, err := url.Parse(raw)
			if err != nil {
				return nil, fmt.Errorf("acs: endpoint %q: %w", raw, err)
			}
			u.Host = host
			raw = u.String()
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("acs: endpoint %q: %w", raw, err)
	}
	if u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
		return nil, fmt.Errorf("acs: endpoint %q must be an http or https URL with a host", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("acs: endpoint %q must not carry a query or fragment", raw)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// validRegion reports a region ID as Alibaba spells them: lower-case letters and
// digits in groups joined by single hyphens (cn-hangzhou, ap-southeast-1).
func validRegion(r string) bool {
	if r == "" || len(r) > 64 || r[0] == '-' || r[len(r)-1] == '-' || strings.Contains(r, "--") {
		return false
	}
	for i := 0; i < len(r); i++ {
		if c := r[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
