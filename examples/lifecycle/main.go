// Command lifecycle walks the plug-in lifecycle of both products with the generated
// clients: on APIG it creates a plug-in attachment, reads it, lists the gateway's
// attachments a page at a time, updates and deletes it, and reads it once more to
// show the error the service answers; on CloudAPI it binds a plug-in to an API,
// lists the bindings from both sides and unbinds it. A call the spec forbids is
// refused before it is sent, with the violations named.
//
// Run it against `acsgen mock`, which answers from the specs' examples and from the
// recorded lifecycle session (the second read of the deleted attachment is a 404):
//
//	go run ./cmd/acsgen mock --recordings contracttests/testdata/apig &
//	go run ./examples/lifecycle --endpoint http://127.0.0.1:8080
//
// The mock answers a recorded session in turn and then keeps repeating its last
// answer, so restart it before walking again. The program signs with a
// demonstration key; a mock started with
// --access-key-id and --access-key-secret-file checks the signatures
// (main_test.go does, with the key below).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

// The demonstration key the requests are signed with.
const (
	DemoAccessKeyID     = "LTAI-lifecycle-demo"
	DemoAccessKeySecret = "lifecycle-demo-secret"
)

// The resources the walk works on: the specs' documented examples, which the
// recorded session answers.
const (
	gatewayID     = "gw-d1lifecycle00000001"
	environmentID = "env-d1lifecycle00000001"
	pluginID      = "pl-d1lifecycle00000001"
	httpAPIID     = "api-d1lifecycle00000001"
	pageSize      = 1 // one attachment a page, so that the two documented ones take two pages

	cloudPluginID = "6a7d9c0b1e2f43a5b6c7d8e9f0a1b2c3"
	cloudGroupID  = "0c1d2e3f4a5b46c7d8e9f0a1b2c3d4e5"
	cloudAPIID    = "1d2e3f4a5b6c47d8e9f0a1b2c3d4e5f6"
)

func main() {
	endpoint := flag.String("endpoint", "http://127.0.0.1:8080", "where `acsgen mock` (or the service) listens")
	flag.Parse()
	err := run(context.Background(), os.Stdout,
		acs.WithEndpoint(*endpoint),
		acs.WithCredentials(acs.StaticCredentials(DemoAccessKeyID, DemoAccessKeySecret, "")),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		fmt.Fprintln(os.Stderr, "lifecycle:", describe(err))
		os.Exit(1)
	}
}

// run walks the lifecycle with clients built from opts, writing what happens to w.
// A step that fails ends the walk with its error.
func run(ctx context.Context, w io.Writer, opts ...acs.Option) error {
	ap, err := apig.NewClient(opts...)
	if err != nil {
		return err
	}
	ca, err := cloudapi.NewClient(opts...)
	if err != nil {
		return err
	}
	if err := attachmentLifecycle(ctx, w, ap); err != nil {
		return err
	}
	return pluginBindings(ctx, w, ca)
}

func attachmentLifecycle(ctx context.Context, w io.Writer, c *apig.Client) error {
	created, err := c.CreatePluginAttachment(ctx, &apig.CreatePluginAttachmentRequest{CreatePluginAttachmentBody: apig.CreatePluginAttachmentBody{
		PluginID: new(pluginID), PluginConfig: new("bGltaXQ6IDEwMAo="), // "limit: 100"
		AttachResourceType: new("HttpApi"), AttachResourceIDs: []string{httpAPIID},
		EnvironmentID: new(environmentID), GatewayID: new(gatewayID), Enable: new(true),
	}})
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	if created.Data == nil || created.Data.PluginAttachmentID == nil {
		return errors.New("create: the answer names no attachment")
	}
	id := *created.Data.PluginAttachmentID
	fmt.Fprintf(w, "created attachment %s (request %s)\n", id, deref(created.RequestID))

	got, err := c.GetPluginAttachment(ctx, &apig.GetPluginAttachmentRequest{PluginAttachmentID: id})
	if err != nil {
		return fmt.Errorf("get: %w", err)
	}
	if got.Data == nil {
		return errors.New("get: the answer has no data")
	}
	fmt.Fprintf(w, "read attachment %s: plug-in %s, enabled %v\n", deref(got.Data.PluginAttachmentID), deref(got.Data.PluginID), deref(got.Data.Enable))

	for page := int32(1); ; page++ {
		list, err := c.ListPluginAttachments(ctx, &apig.ListPluginAttachmentsRequest{
			GatewayID: new(gatewayID), PageNumber: new(page), PageSize: new(int32(pageSize))})
		if err != nil {
			return fmt.Errorf("list page %d: %w", page, err)
		}
		if list.Data == nil {
			return fmt.Errorf("list page %d: the answer has no data", page)
		}
		for _, it := range list.Data.Items {
			kind := "?"
			if it.AttachResourceType != nil {
				kind = string(*it.AttachResourceType)
				if !it.AttachResourceType.IsKnown() {
					kind += " (a kind this client does not know yet)"
				}
			}
			fmt.Fprintf(w, "page %d of %d: %s, plug-in %s on %s, enabled %v\n",
				page, pages(deref(list.Data.TotalSize)), deref(it.PluginAttachmentID), deref(it.PluginID), kind, deref(it.Enable))
		}
		if len(list.Data.Items) == 0 || page >= pages(deref(list.Data.TotalSize)) {
			break
		}
	}

	updated, err := c.UpdatePluginAttachment(ctx, &apig.UpdatePluginAttachmentRequest{PluginAttachmentID: id,
		UpdatePluginAttachmentBody: apig.UpdatePluginAttachmentBody{Enable: new(false)}})
	if err != nil {
		return fmt.Errorf("update: %w", err)
	}
	fmt.Fprintf(w, "disabled attachment %s (request %s)\n", id, deref(updated.RequestID))

	deleted, err := c.DeletePluginAttachment(ctx, &apig.DeletePluginAttachmentRequest{PluginAttachmentID: id})
	if err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	fmt.Fprintf(w, "deleted attachment %s (request %s)\n", id, deref(deleted.RequestID))

	// Read once more: the service answers 404, a *acs.Error.
	_, err = c.GetPluginAttachment(ctx, &apig.GetPluginAttachmentRequest{PluginAttachmentID: id})
	var apiErr *acs.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 {
		return fmt.Errorf("get after delete: want the service's 404, got %v", err)
	}
	fmt.Fprintf(w, "reading it again fails: %s\n", describe(err))
	return nil
}

// pages is how many pages of pageSize hold total items.
func pages(total int32) int32 { return (total + pageSize - 1) / pageSize }

func pluginBindings(ctx context.Context, w io.Writer, c *cloudapi.Client) error {
	attached, err := c.AttachPlugin(ctx, &cloudapi.AttachPluginRequest{PluginID: cloudPluginID,
		GroupID: new(cloudGroupID), APIID: new(cloudAPIID), StageName: cloudapi.AttachPluginStageNameRelease})
	if err != nil {
		return fmt.Errorf("attach: %w", err)
	}
	fmt.Fprintf(w, "bound plug-in %s to API %s in RELEASE (request %s)\n", cloudPluginID, cloudAPIID, deref(attached.RequestID))

	plugins, err := c.DescribePluginsByAPI(ctx, &cloudapi.DescribePluginsByAPIRequest{GroupID: cloudGroupID, APIID: cloudAPIID,
		StageName: cloudapi.StageNameRelease, PageSize: new(int32(100))})
	if err != nil {
		return fmt.Errorf("describe plug-ins of the API: %w", err)
	}
	if plugins.Plugins != nil {
		for _, p := range plugins.Plugins.PluginAttribute {
			fmt.Fprintf(w, "API %s has plug-in %s: %s (%s)\n", cloudAPIID, deref(p.PluginID), deref(p.PluginName), deref(p.PluginType))
		}
	}

	apis, err := c.DescribePluginAPIs(ctx, &cloudapi.DescribePluginAPIsRequest{PluginID: cloudPluginID, PageSize: new(int32(100))})
	if err != nil {
		return fmt.Errorf("describe APIs of the plug-in: %w", err)
	}
	if apis.APISummarys != nil {
		for _, a := range apis.APISummarys.APIPluginSummary {
			stage := ""
			if a.StageName != nil {
				stage = string(*a.StageName)
			}
			fmt.Fprintf(w, "plug-in %s is bound to %s (%s %s) in %s\n", cloudPluginID, deref(a.APIName), deref(a.Method), deref(a.Path), stage)
		}
	}

	detached, err := c.DetachPlugin(ctx, &cloudapi.DetachPluginRequest{PluginID: cloudPluginID,
		GroupID: new(cloudGroupID), APIID: new(cloudAPIID), StageName: cloudapi.StageNameRelease})
	if err != nil {
		return fmt.Errorf("detach: %w", err)
	}
	fmt.Fprintf(w, "unbound plug-in %s from API %s in RELEASE (request %s)\n", cloudPluginID, cloudAPIID, deref(detached.RequestID))

	// A stage the spec does not list is refused before anything is sent.
	_, err = c.DetachPlugin(ctx, &cloudapi.DetachPluginRequest{PluginID: cloudPluginID, StageName: "PROD"})
	var invalid *acs.ValidationError
	if !errors.As(err, &invalid) {
		return fmt.Errorf("detach from PROD: want a *acs.ValidationError, got %v", err)
	}
	fmt.Fprintf(w, "unbinding in PROD is refused: %s\n", describe(err))
	return nil
}

// describe says what kind of error err is and what it carries: the service's
// answer (*acs.Error), the spec's objections (*acs.ValidationError), or anything
// else (the network, a cancelled context).
func describe(err error) string {
	var apiErr *acs.Error
	var invalid *acs.ValidationError
	switch {
	case errors.As(err, &apiErr):
		return fmt.Sprintf("the service answered HTTP %d %s: %s (request %s)", apiErr.StatusCode, apiErr.Code, apiErr.Message, apiErr.RequestID)
	case errors.As(err, &invalid):
		var b strings.Builder
		b.WriteString("the request breaks the spec, nothing was sent:")
		for _, v := range invalid.Violations {
			fmt.Fprintf(&b, " %s: %s;", v.Pointer, v.Message)
		}
		return strings.TrimSuffix(b.String(), ";")
	}
	return "the call did not get an answer: " + err.Error()
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
