package apig_test

import (
	"context"
	"fmt"
	"log"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/apig"
)

// ExampleClient_GetPluginAttachment queries a plug-in attachment with credentials from
// Alibaba Cloud's standard chain: ALIBABA_CLOUD_ACCESS_KEY_ID and
// ALIBABA_CLOUD_ACCESS_KEY_SECRET (plus ALIBABA_CLOUD_SECURITY_TOKEN for STS), the CLI
// profile, the credentials file, or the ECS RAM role.
//
// It has no "Output:" comment on purpose: `go test` compiles it, so it cannot rot,
// but never runs it, since it calls the real service and needs real credentials.
// Example functions cannot call t.Skip; leaving out the output is how an example is
// skipped at run time.
func ExampleClient_GetPluginAttachment() {
	client, err := apig.NewClient(
		acs.WithRegion("cn-hangzhou"),
		acs.WithCredentials(acs.DefaultCredentials()), // the default; shown for clarity
	)
	if err != nil {
		log.Fatal(err)
	}
	var info acs.ResponseInfo
	ctx := acs.CaptureResponse(context.Background(), &info)
	resp, err := client.GetPluginAttachment(ctx, &apig.GetPluginAttachmentRequest{
		PluginAttachmentID: "pa-cvl541em1hkk7n8vq810",
	})
	switch {
	case acs.IsNotFound(err):
		fmt.Println("no such attachment")
		return
	case err != nil:
		log.Fatal(err) // an *acs.Error carries Code, StatusCode and RequestID
	}
	fmt.Println("request", info.RequestID)
	if d := resp.Data; d != nil && d.PluginID != nil && d.Enable != nil {
		fmt.Printf("plug-in %s, enabled: %t\n", *d.PluginID, *d.Enable)
	}
}
