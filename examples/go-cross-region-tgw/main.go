// A DataSync agent VM in one Region (us-east-1), activated privately against a DataSync interface
// endpoint in another (eu-west-2). Each VPC attaches to its own Region's transit gateway; the
// component peers the two gateways, makes the attachments and routes, the endpoint and its
// security group, requests the activation key from the VM's port 80 and registers the agent
// in the destination Region, where DataSync requires it to live.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	dspl "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		sourceRegion := cfg.Get("sourceRegion")
		if sourceRegion == "" {
			sourceRegion = "us-east-1"
		}
		destinationRegion := cfg.Get("destinationRegion")
		if destinationRegion == "" {
			destinationRegion = "eu-west-2"
		}
		strings := func(key string) pulumi.StringArray {
			var v []string
			cfg.RequireObject(key, &v)
			return pulumi.ToStringArray(v)
		}

		fleet, err := dspl.NewPrivateAgent(ctx, "xregion", &dspl.PrivateAgentArgs{
			Source:            &dspl.AwsSideArgs{Region: pulumi.String(sourceRegion)},
			Destination:       &dspl.AwsSideArgs{Region: pulumi.String(destinationRegion)},
			VpcId:             pulumi.String(cfg.Require("destinationVpcId")),
			EndpointSubnetIds: strings("endpointSubnetIds"),
			Link: &dspl.LinkSettingsArgs{
				Mode:                     dspl.LinkModeTransitGateway,
				TransitGatewayId:         pulumi.String(cfg.Require("transitGatewayId")),
				SourceTransitGatewayId:   pulumi.String(cfg.Require("sourceTransitGatewayId")),
				SourceVpcId:              pulumi.String(cfg.Require("sourceVpcId")),
				SourceSubnetIds:          strings("sourceSubnetIds"),
				SourceCidrBlocks:         strings("sourceCidrBlocks"),
				DestinationCidrBlocks:    strings("destinationCidrBlocks"),
				SourceRouteTableIds:      strings("sourceRouteTableIds"),
				DestinationRouteTableIds: strings("destinationRouteTableIds"),
			},
			Agents: []dspl.AgentSpecArgs{{
				Name: "vm-1",
				// An agent VM that already runs in the source VPC (EC2 from the DataSync AMI,
				// or any supported hypervisor reached over the source VPC). The machine running
				// `pulumi up` must reach its TCP 80; otherwise use an ActivationSettingsArgs with
				// Mode remote and a JumpHost, or Mode manual and the key from the VM's console.
				Address: pulumi.String(cfg.Require("agentAddress")),
			}},
			Tags: pulumi.StringMap{
				"project": pulumi.String(ctx.Project()),
				"stack":   pulumi.String(ctx.Stack()),
			},
		})
		if err != nil {
			return err
		}

		ctx.Export("agentArn", fleet.AgentArn)
		ctx.Export("vpcEndpointId", fleet.VpcEndpointId)
		ctx.Export("endpointPrivateIp", fleet.EndpointPrivateIp)
		ctx.Export("firewallRules", fleet.FirewallRules)
		return nil
	})
}
