package cloudapi_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

// ExampleClient_AttachPlugin binds a plug-in to two APIs of a group in the test
// stage, with credentials from Alibaba Cloud's standard chain:
// ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (plus
// ALIBABA_CLOUD_SECURITY_TOKEN for STS), the CLI profile, the credentials file, or the
// ECS RAM role.
//
// It has no "Output:" comment on purpose: `go test` compiles it, so it cannot rot,
// but never runs it, since it changes a real API group and needs real credentials.
// Example functions cannot call t.Skip; leaving out the output is how an example is
// skipped at run time.
func ExampleClient_AttachPlugin() {
	client, err := cloudapi.NewClient(
		acs.WithRegion("cn-hangzhou"),
		acs.WithCredentials(acs.DefaultCredentials()), // the default; shown for clarity
	)
	if err != nil {
		log.Fatal(err)
	}
	groupID := "285bb759342649a1b70c2093a772e087"
	resp, err := client.AttachPlugin(context.Background(), &cloudapi.AttachPluginRequest{
		PluginID:  "9a3f1a5279434f2ba74ccd91c295af9f",
		StageName: cloudapi.AttachPluginStageNameTest,
		GroupID:   &groupID,
		APIIDs:    []string{"8afff6c8c4c6447abb035812e4d66b65", "3ab7f7ba6f9e4a5bb3c8e1c2d0f4a6b8"},
	})
	var apiErr *acs.Error
	switch {
	case errors.As(err, &apiErr):
		log.Fatalf("AttachPlugin: HTTP %d %s (request %s)", apiErr.StatusCode, apiErr.Code, apiErr.RequestID)
	case err != nil:
		log.Fatal(err)
	}
	if resp.RequestID != nil {
		fmt.Println("bound; request", *resp.RequestID)
	}
}
