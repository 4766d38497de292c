// Package specsync compares a hand-maintained spec with Alibaba's API metadata
// for the operations the spec holds, and proposes an OpenAPI Overlay that adds
// what the spec lacks: the engine of acsgen sync.
//
// The metadata side is what acsgen import would write for those operations, so
// both sides are compared as OpenAPI. Reported: parameters and response
// properties the metadata has and the spec lacks, types and required-ness that
// contradict, enum values the spec lacks, deprecations it does not state, regions
// it does not list, and operations the metadata no longer has. A difference that
// is on purpose is marked in the spec, and sync stops reporting it:
//
//   - x-acs-sync: keep, on a parameter or schema: its type, required-ness and enum
//     stay as the spec says (a string-or-integer union where the metadata says
//     string, a stricter enum);
//   - x-acs-sync-ignore: [names], on an operation (parameter names), an object
//     schema (property names) or the regionId server variable (region IDs):
//     those are left out on purpose.
package specsync
