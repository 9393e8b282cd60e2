// The dist test's Go program: the same PrivateAgent as programs/nodejs/index.ts.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	dspl "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		var subnets []string
		cfg.RequireObject("endpointSubnetIds", &subnets)
		manual := dspl.ActivationModeManual
		fleet, err := dspl.NewPrivateAgent(ctx, "dsync", &dspl.PrivateAgentArgs{
			VpcId:             pulumi.String(cfg.Require("vpcId")),
			EndpointSubnetIds: pulumi.ToStringArray(subnets),
			Agents: []dspl.AgentSpecArgs{{
				Name:    "onprem1",
				Address: pulumi.String("192.168.10.5"),
				Activation: &dspl.ActivationSettingsArgs{
					Mode:      &manual,
					ManualKey: cfg.RequireSecret("manualKey"),
				},
			}},
			Link: &dspl.LinkSettingsArgs{
				Mode:                  dspl.LinkModeExisting,
				SourceCidrBlocks:      pulumi.ToStringArray([]string{"192.168.0.0/16"}),
				DestinationCidrBlocks: pulumi.ToStringArray([]string{"10.0.0.0/16"}),
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("agentArn", fleet.AgentArn)
		return nil
	})
}
