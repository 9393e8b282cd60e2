package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	dspl "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		c := config.New(ctx, "")
		var subnets []string
		c.RequireObject("endpointSubnetIds", &subnets)
		fleet, err := dspl.NewPrivateAgent(ctx, "agent", &dspl.PrivateAgentArgs{
			VpcId:                 pulumi.String(c.Require("vpcId")),
			EndpointSubnetIds:     pulumi.ToStringArray(subnets),
			ActivationSubnetId:    pulumi.String(c.Require("activationSubnetId")),
			ActivationSourceCidrs: pulumi.StringArray{pulumi.String(c.Require("activationSourceCidr"))},
			Agents: []dspl.AgentSpecArgs{{
				Name:       "ec2",
				Instance:   &dspl.AgentInstanceArgs{SubnetId: pulumi.String(c.Require("agentSubnetId"))},
				Activation: &dspl.ActivationSettingsArgs{AddressOverride: pulumi.String(c.Require("activationAddress"))},
			}},
		})
		if err != nil {
			return err
		}
		ctx.Export("agentArn", fleet.AgentArn)
		return nil
	})
}
