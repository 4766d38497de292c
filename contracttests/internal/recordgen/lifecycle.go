package recordgen

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

// Paths of the lifecycle operations in their specs.
const (
	PluginAttachmentsPath    = "/v1/plugin-attachments"
	DetachPluginPath         = "/#Action=DetachPlugin"
	DescribePluginsByAPIPath = "/#Action=DescribePluginsByApi"
	DescribePluginAPIsPath   = "/#Action=DescribePluginApis"
)

// LifecyclePageSize is the page size of the two recorded ListPluginAttachments pages:
// one attachment a page, so that the documented two attachments take two pages.
const LifecyclePageSize = 1

// lifecycleScenarios records the plug-in attachment lifecycle: each operation called
// by the generated client with its parameters' documented examples and answered with
// its documented response, and the whole APIG lifecycle as one session
// (apig/PluginAttachmentLifecycle): created, read, listed one attachment a page,
// updated, deleted, and read back after the deletion (404). examples/lifecycle
// walks that session against the mock.
func lifecycleScenarios(ap, ca *Spec) ([]Scenario, error) {
	var errs []error
	example := func(s *Spec, path, method, status string) []byte {
		b, err := s.Example("paths", path, method, "responses", status, "content", "application/json", "example")
		errs = append(errs, err)
		return b
	}
	params := func(s *Spec, path, method string, dst any) {
		errs = append(errs, s.ParamExamples(path, method, dst))
	}
	body := func(s *Spec, schema string, dst any) {
		errs = append(errs, s.PropertyExamples(schema, dst))
	}

	var create apig.CreatePluginAttachmentRequest
	body(ap, "CreatePluginAttachmentBody", &create.CreatePluginAttachmentBody)
	var list apig.ListPluginAttachmentsRequest
	params(ap, PluginAttachmentsPath, "get", &list)
	var update apig.UpdatePluginAttachmentRequest
	params(ap, GetPluginAttachmentPath, "put", &update)
	body(ap, "UpdatePluginAttachmentBody", &update.UpdatePluginAttachmentBody)
	var del apig.DeletePluginAttachmentRequest
	params(ap, GetPluginAttachmentPath, "delete", &del)
	var detach cloudapi.DetachPluginRequest
	params(ca, DetachPluginPath, "post", &detach)
	var byAPI cloudapi.DescribePluginsByAPIRequest
	params(ca, DescribePluginsByAPIPath, "post", &byAPI)
	var apis cloudapi.DescribePluginAPIsRequest
	params(ca, DescribePluginAPIsPath, "post", &apis)

	listOK := []string{"paths", PluginAttachmentsPath, "get", "responses", "200", "content", "application/json", "example"}
	// A page of every attachment of the documented gateway.
	listPage := func(n int32) apig.ListPluginAttachmentsRequest {
		return apig.ListPluginAttachmentsRequest{GatewayID: list.GatewayID, PageNumber: &n, PageSize: new(int32(LifecyclePageSize))}
	}

	gone, err := ap.ExampleWith([]string{"components", "responses", "Error", "content", "application/json", "example"},
		Edit{At: []string{"message"}, Value: "The specified plugin attachment " + del.PluginAttachmentID + " does not exist."})
	errs = append(errs, err)

	apigCall := func(call func(context.Context, *apig.Client) error) func(context.Context, ...acs.Option) error {
		return func(ctx context.Context, opts ...acs.Option) error {
			c, err := apig.NewClient(opts...)
			if err != nil {
				return err
			}
			return call(ctx, c)
		}
	}
	cloudapiCall := func(call func(context.Context, *cloudapi.Client) error) func(context.Context, ...acs.Option) error {
		return func(ctx context.Context, opts ...acs.Option) error {
			c, err := cloudapi.NewClient(opts...)
			if err != nil {
				return err
			}
			return call(ctx, c)
		}
	}
	listCall := func(r apig.ListPluginAttachmentsRequest) func(context.Context, ...acs.Option) error {
		return apigCall(func(ctx context.Context, c *apig.Client) error {
			_, err := c.ListPluginAttachments(ctx, &r)
			return err
		})
	}

	page := func(n int) []byte {
		b, err := ap.ExampleWith(listOK,
			Edit{At: []string{"data", "pageNumber"}, Value: strconv.Itoa(n)},
			Edit{At: []string{"data", "pageSize"}, Value: strconv.Itoa(LifecyclePageSize)},
			Edit{At: []string{"data", "items"}, Value: "[null]"},
			Edit{At: []string{"data", "items", "0"}, From: append(slices.Clone(listOK), "data", "items", strconv.Itoa(n-1))},
		)
		errs = append(errs, err)
		return b
	}
	out := []Scenario{
		{Name: "apig/CreatePluginAttachment", Host: APIGHost, Status: 200, Body: example(ap, PluginAttachmentsPath, "post", "200"),
			Call: apigCall(func(ctx context.Context, c *apig.Client) error {
				_, err := c.CreatePluginAttachment(ctx, &create)
				return err
			})},
		{Name: "apig/ListPluginAttachments", Host: APIGHost, Status: 200, Body: example(ap, PluginAttachmentsPath, "get", "200"),
			Call: listCall(list)},
		{Name: "apig/UpdatePluginAttachment", Host: APIGHost, Status: 200, Body: example(ap, GetPluginAttachmentPath, "put", "200"),
			Call: apigCall(func(ctx context.Context, c *apig.Client) error {
				_, err := c.UpdatePluginAttachment(ctx, &update)
				return err
			})},
		{Name: "apig/DeletePluginAttachment", Host: APIGHost, Status: 200, Body: example(ap, GetPluginAttachmentPath, "delete", "200"),
			Call: apigCall(func(ctx context.Context, c *apig.Client) error {
				_, err := c.DeletePluginAttachment(ctx, &del)
				return err
			})},
		{Name: "cloudapi/DetachPlugin", Host: CloudAPIHost, Status: 200, Body: example(ca, DetachPluginPath, "post", "200"),
			Call: cloudapiCall(func(ctx context.Context, c *cloudapi.Client) error {
				_, err := c.DetachPlugin(ctx, &detach)
				return err
			})},
		{Name: "cloudapi/DescribePluginsByApi", Host: CloudAPIHost, Status: 200, Body: example(ca, DescribePluginsByAPIPath, "post", "200"),
			Call: cloudapiCall(func(ctx context.Context, c *cloudapi.Client) error {
				_, err := c.DescribePluginsByAPI(ctx, &byAPI)
				return err
			})},
		{Name: "cloudapi/DescribePluginApis", Host: CloudAPIHost, Status: 200, Body: example(ca, DescribePluginAPIsPath, "post", "200"),
			Call: cloudapiCall(func(ctx context.Context, c *cloudapi.Client) error {
				_, err := c.DescribePluginAPIs(ctx, &apis)
				return err
			})},
	}

	// The whole lifecycle as one recorded session: created, read, listed one
	// attachment a page, updated, deleted, and read back after the deletion (404).
	created := example(ap, PluginAttachmentsPath, "post", "200")
	getCreated, err := ap.ExampleWith([]string{"paths", GetPluginAttachmentPath, "get", "responses", "200", "content", "application/json", "example"},
		Edit{At: []string{"data", "pluginAttachmentId"}, Value: del.PluginAttachmentID},
		Edit{At: []string{"data", "pluginId"}, Value: *create.PluginID})
	errs = append(errs, err)
	session := Scenario{Name: "apig/PluginAttachmentLifecycle", Host: APIGHost,
		Session: []Answer{{200, created}, {200, getCreated}, {200, page(1)}, {200, page(2)},
			{200, example(ap, GetPluginAttachmentPath, "put", "200")}, {200, example(ap, GetPluginAttachmentPath, "delete", "200")}, {404, gone}},
		Call: apigCall(func(ctx context.Context, c *apig.Client) error {
			made, err := c.CreatePluginAttachment(ctx, &create)
			if err != nil {
				return err
			}
			id := *made.Data.PluginAttachmentID
			if _, err := c.GetPluginAttachment(ctx, &apig.GetPluginAttachmentRequest{PluginAttachmentID: id}); err != nil {
				return err
			}
			for n := int32(1); n <= 2; n++ {
				r := listPage(n)
				if _, err := c.ListPluginAttachments(ctx, &r); err != nil {
					return err
				}
			}
			if _, err := c.UpdatePluginAttachment(ctx, &update); err != nil {
				return err
			}
			if _, err := c.DeletePluginAttachment(ctx, &del); err != nil {
				return err
			}
			_, err = c.GetPluginAttachment(ctx, &apig.GetPluginAttachmentRequest{PluginAttachmentID: id})
			var apiErr *acs.Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 {
				return fmt.Errorf("reading the deleted attachment: want a 404 *acs.Error, got %v", err)
			}
			return nil
		})}
	return append(out, session), errors.Join(errs...)
}
