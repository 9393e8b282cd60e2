// A DataSync agent VM on premises, activated privately against a DataSync interface endpoint in one
// VPC. The VM already runs (deployed from AWS's OVA, KVM or Hyper-V image) and reaches the VPC over
// Direct Connect or a VPN. The component creates the endpoint (private DNS off) and its security
// group, optionally routes the on-premises ranges to your VPN gateway, requests the activation key
// from the agent's port 80 (from the machine running `pulumi up`) and registers the agent.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	dspl "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		var endpointSubnetIds, vpcCidrBlocks, onPremCidrBlocks, routeTableIds []string
		cfg.RequireObject("endpointSubnetIds", &endpointSubnetIds)
		cfg.RequireObject("vpcCidrBlocks", &vpcCidrBlocks)
		cfg.RequireObject("onPremCidrBlocks", &onPremCidrBlocks)
		_ = cfg.TryObject("routeTableIds", &routeTableIds)
		var tags map[string]string
		_ = cfg.TryObject("tags", &tags)

		link := &dspl.LinkSettingsArgs{
			Mode:                  dspl.LinkModeExisting,
			SourceCidrBlocks:      stringInputs(onPremCidrBlocks),
			DestinationCidrBlocks: stringInputs(vpcCidrBlocks),
		}
		if vpnGatewayId := cfg.Get("vpnGatewayId"); vpnGatewayId != "" {
			link.DestinationRouteTableIds = stringInputs(routeTableIds)
			link.ExistingRouteTargetId = pulumi.String(vpnGatewayId)
		}

		fleet, err := dspl.NewPrivateAgent(ctx, "onprem", &dspl.PrivateAgentArgs{
			VpcId:             pulumi.String(cfg.Require("vpcId")),
			EndpointSubnetIds: pulumi.ToStringArray(endpointSubnetIds),
			Agents: []dspl.AgentSpecArgs{{
				Name:    "onprem-1",
				Address: pulumi.String(cfg.Require("agentAddress")),
				// The machine running `pulumi up` must reach the agent's TCP 80, directly or through
				// a tunnel (activationAddressOverride). If only a bastion does, use Mode remote with a
				// JumpHost; if nothing does, read the key from the agent's console: Mode manual with
				// ManualKey.
				Activation: &dspl.ActivationSettingsArgs{
					AddressOverride:     optional(cfg.Get("activationAddressOverride")),
					ReactivationTrigger: optional(cfg.Get("reactivationTrigger")),
				},
			}},
			Link: link,
			Tags: pulumi.ToStringMap(tags),
		})
		if err != nil {
			return err
		}

		ctx.Export("agentArn", fleet.AgentArn)
		ctx.Export("vpcEndpointId", fleet.VpcEndpointId)
		ctx.Export("endpointPrivateIp", fleet.EndpointPrivateIp)
		// The flows the on-premises firewall must allow: hand them to the network team.
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
