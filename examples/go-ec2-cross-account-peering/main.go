// A DataSync agent on EC2 in a source account, activated privately against a DataSync interface
// endpoint in a destination account, the two VPCs joined by VPC peering. The endpoint, its VPC and
// the activated agent live in the destination account (an AWS rule); the agent instance runs in the
// source account, from AWS's DataSync AMI. Pulumi assumes one role per account.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	dspl "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		var sourceCidrBlocks, sourceRouteTableIds, activationSourceCidrs, vpcCidrBlocks, routeTableIds, endpointSubnetIds []string
		cfg.RequireObject("sourceCidrBlocks", &sourceCidrBlocks)
		cfg.RequireObject("sourceRouteTableIds", &sourceRouteTableIds)
		cfg.RequireObject("activationSourceCidrs", &activationSourceCidrs)
		cfg.RequireObject("vpcCidrBlocks", &vpcCidrBlocks)
		cfg.RequireObject("routeTableIds", &routeTableIds)
		cfg.RequireObject("endpointSubnetIds", &endpointSubnetIds)
		var tags map[string]string
		_ = cfg.TryObject("tags", &tags)

		fleet, err := dspl.NewPrivateAgent(ctx, "xacct", &dspl.PrivateAgentArgs{
			Source:            &dspl.AwsSideArgs{RoleArn: pulumi.String(cfg.Require("sourceRoleArn"))},
			Destination:       &dspl.AwsSideArgs{RoleArn: pulumi.String(cfg.Require("destinationRoleArn"))},
			VpcId:             pulumi.String(cfg.Require("vpcId")),
			EndpointSubnetIds: pulumi.ToStringArray(endpointSubnetIds),
			Link: &dspl.LinkSettingsArgs{
				Mode:                     dspl.LinkModePeering,
				SourceVpcId:              pulumi.String(cfg.Require("sourceVpcId")),
				SourceCidrBlocks:         stringInputs(sourceCidrBlocks),
				DestinationCidrBlocks:    stringInputs(vpcCidrBlocks),
				SourceRouteTableIds:      stringInputs(sourceRouteTableIds),
				DestinationRouteTableIds: stringInputs(routeTableIds),
			},
			Agents: []dspl.AgentSpecArgs{{
				Name: "ec2-1",
				// m5.2xlarge from the Region's /aws/service/datasync/ami, hardened (IMDSv2, encrypted
				// root volume, no public IP), in a security group that allows only what the agent needs.
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
		ctx.Export("peeringConnectionId", fleet.PeeringConnectionId)
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
