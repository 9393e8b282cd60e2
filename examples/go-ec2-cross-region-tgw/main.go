// A DataSync agent on EC2 in one Region, activated privately against a DataSync interface endpoint
// in the stack's Region (`aws:region`), the two VPCs joined by transit gateways: the source Region's
// gateway is peered with the destination Region's. The source side names only its Region, so it
// keeps the stack's AWS credentials and settings; for two accounts, give each side a RoleArn.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	dspl "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		var sourceCidrBlocks, sourceSubnetIds, sourceRouteTableIds, activationSourceCidrs, vpcCidrBlocks, routeTableIds, endpointSubnetIds []string
		cfg.RequireObject("sourceCidrBlocks", &sourceCidrBlocks)
		cfg.RequireObject("sourceSubnetIds", &sourceSubnetIds)
		cfg.RequireObject("sourceRouteTableIds", &sourceRouteTableIds)
		cfg.RequireObject("activationSourceCidrs", &activationSourceCidrs)
		cfg.RequireObject("vpcCidrBlocks", &vpcCidrBlocks)
		cfg.RequireObject("routeTableIds", &routeTableIds)
		cfg.RequireObject("endpointSubnetIds", &endpointSubnetIds)
		var tags map[string]string
		_ = cfg.TryObject("tags", &tags)

		fleet, err := dspl.NewPrivateAgent(ctx, "xregion", &dspl.PrivateAgentArgs{
			Source:            &dspl.AwsSideArgs{Region: pulumi.String(cfg.Require("sourceRegion"))},
			VpcId:             pulumi.String(cfg.Require("vpcId")),
			EndpointSubnetIds: pulumi.ToStringArray(endpointSubnetIds),
			Link: &dspl.LinkSettingsArgs{
				Mode:                     dspl.LinkModeTransitGateway,
				TransitGatewayId:         pulumi.String(cfg.Require("transitGatewayId")),
				SourceTransitGatewayId:   pulumi.String(cfg.Require("sourceTransitGatewayId")),
				SourceVpcId:              pulumi.String(cfg.Require("sourceVpcId")),
				SourceSubnetIds:          pulumi.ToStringArray(sourceSubnetIds),
				SourceCidrBlocks:         stringInputs(sourceCidrBlocks),
				DestinationCidrBlocks:    stringInputs(vpcCidrBlocks),
				SourceRouteTableIds:      stringInputs(sourceRouteTableIds),
				DestinationRouteTableIds: stringInputs(routeTableIds),
			},
			Agents: []dspl.AgentSpecArgs{{
				Name: "ec2-1",
				// m5.2xlarge from the source Region's /aws/service/datasync/ami, hardened.
				Instance: &dspl.AgentInstanceArgs{SubnetId: pulumi.String(cfg.Require("agentSubnetId"))},
				Activation: &dspl.ActivationSettingsArgs{
					AddressOverride:     optional(cfg.Get("activationAddressOverride")),
					ReactivationTrigger: optional(cfg.Get("reactivationTrigger")),
				},
			}},
			// Who may reach the instance's port 80 to fetch the activation key. Never 0.0.0.0/0.
			ActivationSourceCidrs: stringInputs(activationSourceCidrs),
			Tags:                  pulumi.ToStringMap(tags),
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

// stringInputs turns configured values into the SDK's list of inputs.
func stringInputs(values []string) []pulumi.StringInput {
	out := make([]pulumi.StringInput, len(values))
	for i, v := range values {
		out[i] = pulumi.String(v)
	}
	return out
}

// optional leaves an empty configuration value out.
func optional(value string) pulumi.StringPtrInput {
	if value == "" {
		return nil
	}
	return pulumi.String(value)
}
