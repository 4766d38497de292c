// Command call is the user's own program: it calls both operations of the
// generated package at the endpoint given as its argument, with the credentials of
// the default chain (ALIBABA_CLOUD_ACCESS_KEY_ID and _SECRET in the test).
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/acsgen/acsgen/acs"

	"example.com/userproj/internal/acsapi/things"
)

func main() {
	client, err := things.NewClient(acs.WithEndpoint(os.Args[1]), acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	got, err := client.GetThing(ctx, &things.GetThingRequest{ThingID: "t-1"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("thing", *got.Data.Name)
	list, err := client.ListThings(ctx, &things.ListThingsRequest{Owner: "team-a", PageSize: new(int32(10))})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("listed", len(list.Items))
	if _, err := client.ListThings(ctx, &things.ListThingsRequest{}); err == nil {
		log.Fatal("a request without its required owner was sent")
	} else {
		fmt.Println("refused:", err)
	}
}
