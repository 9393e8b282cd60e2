// Consumer tests of the generated Go SDK under Pulumi mocks.
//
// A component from a multi-language provider is a remote component: under mocks, the SDK sends
// it to NewResource with its type token and its inputs as the engine would receive them (schema
// names, nested objects as maps). The mocks record what they get and answer with outputs shaped
// like the provider's, which the tests read back through the SDK's typed outputs.
package consumer_test

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	dspl "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink"
)

const (
	privateAgentType    = "datasync-privatelink:index:PrivateAgent"
	serviceEndpointType = "datasync-privatelink:index:ServiceEndpoint"
	networkLinkType     = "datasync-privatelink:index:NetworkLink"
	agentType           = "datasync-privatelink:index:Agent"
)

func agentArn(name string) string {
	return "arn:aws:datasync:eu-west-2:111111111111:agent/agent-" + name
}

var firewallRules = []interface{}{
	map[string]interface{}{"from": "10.20.1.15", "to": "10.0.1.99", "protocol": "tcp", "ports": "443", "purpose": "activation and endpoint registration"},
	map[string]interface{}{"from": "10.20.1.15", "to": "10.0.1.99", "protocol": "tcp", "ports": "1024-1064", "purpose": "control traffic"},
}

type registration struct {
	typ, name string
	inputs    map[string]interface{}
}

// mocks records every registration and answers the four components.
type mocks struct {
	mu         sync.Mutex
	registered []registration
}

func (m *mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	inputs := args.Inputs.Mappable()
	m.mu.Lock()
	m.registered = append(m.registered, registration{args.TypeToken, args.Name, inputs})
	m.mu.Unlock()

	var outputs map[string]interface{}
	switch args.TypeToken {
	case privateAgentType:
		var arns []interface{}
		for _, a := range inputs["agents"].([]interface{}) {
			arns = append(arns, agentArn(a.(map[string]interface{})["name"].(string)))
		}
		pcx := ""
		if link, ok := inputs["link"].(map[string]interface{}); ok && link["mode"] == "peering" {
			pcx = "pcx-0123456789abcdef0"
		}
		outputs = map[string]interface{}{
			"agentArn":            arns[0],
			"agentArns":           arns,
			"vpcEndpointId":       "vpce-0123456789abcdef0",
			"endpointPrivateIp":   "10.0.1.99",
			"securityGroupId":     "sg-0123456789abcdef0",
			"peeringConnectionId": pcx,
			"firewallRules":       firewallRules,
		}
	case serviceEndpointType:
		subnets := inputs["subnetIds"].([]interface{})
		outputs = map[string]interface{}{
			"vpcEndpointId":     "vpce-0123456789abcdef0",
			"endpointPrivateIp": "10.0.1.99",
			"securityGroupId":   "sg-0123456789abcdef0",
			"securityGroupArn":  "arn:aws:ec2:eu-west-2:111111111111:security-group/sg-0123456789abcdef0",
			"subnetArn":         "arn:aws:ec2:eu-west-2:111111111111:subnet/" + subnets[0].(string),
			"region":            "eu-west-2",
			"firewallRules":     firewallRules,
		}
	case networkLinkType:
		outputs = map[string]interface{}{"peeringConnectionId": "pcx-0123456789abcdef0", "routeIds": []interface{}{"r-1", "r-2"}, "firewallRules": firewallRules}
	case agentType:
		name, _ := inputs["agentName"].(string)
		if name == "" {
			name = args.Name
		}
		outputs = map[string]interface{}{"agentArn": agentArn(name), "agentAddress": inputs["address"], "instanceId": "", "firewallRules": firewallRules}
	default:
		return "", nil, fmt.Errorf("unexpected resource type %s", args.TypeToken)
	}
	return args.Name + "-id", resource.NewPropertyMapFromMap(outputs), nil
}

func (m *mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return resource.PropertyMap{}, nil
}

func (m *mocks) one(t *testing.T, typ string) registration {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	var found []registration
	for _, r := range m.registered {
		if r.typ == typ {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("expected one %s, got %d", typ, len(found))
	}
	return found[0]
}

// run runs a program under the mocks; RunErr returns once every registration and apply is done.
func run(t *testing.T, m *mocks, program pulumi.RunFunc) {
	t.Helper()
	if err := pulumi.RunErr(program, pulumi.WithMocks("dspl-tests", "test", m)); err != nil {
		t.Fatalf("program failed: %v", err)
	}
}

// capture records an output's value for the test to check after run.
type capture[T any] struct {
	mu  sync.Mutex
	v   T
	set bool
}

func (c *capture[T]) from(o pulumi.Output) {
	o.ApplyT(func(v T) T {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.v, c.set = v, true
		return v
	})
}

func (c *capture[T]) get(t *testing.T) T {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.set {
		t.Fatal("output never resolved")
	}
	return c.v
}

func equal(t *testing.T, what string, got, want interface{}) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got: %#v\nwant: %#v", what, got, want)
	}
}

func strs(v ...string) []interface{} {
	out := make([]interface{}, len(v))
	for i, s := range v {
		out[i] = s
	}
	return out
}

func TestPrivateAgentCrossRegionTransitGatewayInputs(t *testing.T) {
	m := &mocks{}
	var arn capture[string]
	var arns capture[[]string]
	run(t, m, func(ctx *pulumi.Context) error {
		mode := dspl.AgentModeBasic
		fleet, err := dspl.NewPrivateAgent(ctx, "xregion", &dspl.PrivateAgentArgs{
			Source:            &dspl.AwsSideArgs{Region: pulumi.String("us-east-1")},
			Destination:       &dspl.AwsSideArgs{Region: pulumi.String("eu-west-2"), RoleArn: pulumi.String("arn:aws:iam::111111111111:role/datasync")},
			VpcId:             pulumi.String("vpc-0dst"),
			EndpointSubnetIds: pulumi.StringArray{pulumi.String("subnet-0dst1"), pulumi.String("subnet-0dst2")},
			AgentMode:         &mode,
			Link: &dspl.LinkSettingsArgs{
				Mode:                     dspl.LinkModeTransitGateway,
				TransitGatewayId:         pulumi.String("tgw-0dst"),
				SourceTransitGatewayId:   pulumi.String("tgw-0src"),
				SourceVpcId:              pulumi.String("vpc-0src"),
				SourceSubnetIds:          pulumi.ToStringArray([]string{"subnet-0src1", "subnet-0src2"}),
				SourceCidrBlocks:         []pulumi.StringInput{pulumi.String("10.20.0.0/16")},
				DestinationCidrBlocks:    []pulumi.StringInput{pulumi.String("10.0.0.0/16")},
				SourceRouteTableIds:      []pulumi.StringInput{pulumi.String("rtb-0src")},
				DestinationRouteTableIds: []pulumi.StringInput{pulumi.String("rtb-0dst")},
			},
			Agents: []dspl.AgentSpecArgs{
				{Name: "vm-1", Address: pulumi.String("10.20.1.15")},
				{Name: "vm-2", Address: pulumi.String("10.20.1.16"), Activation: &dspl.ActivationSettingsArgs{
					AddressOverride: pulumi.String("127.0.0.1:8080"),
					TimeoutSeconds:  pulumi.Int(900),
				}},
			},
			Tags: pulumi.StringMap{"team": pulumi.String("storage")},
		})
		if err != nil {
			return err
		}
		arn.from(fleet.AgentArn)
		arns.from(fleet.AgentArns)
		return nil
	})

	got := m.one(t, privateAgentType)
	equal(t, "name", got.name, "xregion")
	// The SDK fills in the schema's defaults: the plain fleet settings, AwsSide.sessionName and the
	// link's transit gateway settings (not inside the agents list: Go codegen applies them to
	// directly nested objects only).
	equal(t, "inputs", got.inputs, map[string]interface{}{
		"source":                     map[string]interface{}{"region": "us-east-1", "sessionName": "datasync-privatelink"},
		"destination":                map[string]interface{}{"region": "eu-west-2", "roleArn": "arn:aws:iam::111111111111:role/datasync", "sessionName": "datasync-privatelink"},
		"vpcId":                      "vpc-0dst",
		"endpointSubnetIds":          strs("subnet-0dst1", "subnet-0dst2"),
		"agentMode":                  "basic",
		"allowWorldActivationSource": false,
		"fips":                       false,
		"supportChannel":             false,
		"ingressScope":               "agentAddresses",
		"securityGroupRuleQuota":     float64(60),
		"link": map[string]interface{}{
			"mode":                     "transitGateway",
			"transitGatewayId":         "tgw-0dst",
			"sourceTransitGatewayId":   "tgw-0src",
			"sourceVpcId":              "vpc-0src",
			"sourceSubnetIds":          strs("subnet-0src1", "subnet-0src2"),
			"sourceCidrBlocks":         strs("10.20.0.0/16"),
			"destinationCidrBlocks":    strs("10.0.0.0/16"),
			"sourceRouteTableIds":      strs("rtb-0src"),
			"destinationRouteTableIds": strs("rtb-0dst"),
			"transitGatewaySharing":    "ram",
		},
		"agents": []interface{}{
			map[string]interface{}{"name": "vm-1", "address": "10.20.1.15"},
			map[string]interface{}{"name": "vm-2", "address": "10.20.1.16", "activation": map[string]interface{}{
				"addressOverride": "127.0.0.1:8080", "timeoutSeconds": float64(900),
			}},
		},
		"tags": map[string]interface{}{"team": "storage"},
	})
	var names []string
	for k := range got.inputs {
		if strings.Contains(k, "_") || strings.ToLower(k[:1]) != k[:1] {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	equal(t, "input names not in the schema's camelCase", names, []string(nil))
	equal(t, "AgentArn", arn.get(t), agentArn("vm-1"))
	equal(t, "AgentArns", arns.get(t), []string{agentArn("vm-1"), agentArn("vm-2")})
}

func TestPrivateAgentPeeringEC2AgentAndTypedOutputs(t *testing.T) {
	m := &mocks{}
	var pcx, ip capture[string]
	var rules capture[[]dspl.FirewallRule]
	run(t, m, func(ctx *pulumi.Context) error {
		activationMode := dspl.ActivationModeRemote
		fleet, err := dspl.NewPrivateAgent(ctx, "xacct", &dspl.PrivateAgentArgs{
			Source:            &dspl.AwsSideArgs{RoleArn: pulumi.String("arn:aws:iam::222222222222:role/src"), ExternalId: pulumi.String("ext")},
			VpcId:             pulumi.String("vpc-0dst"),
			EndpointSubnetIds: pulumi.ToStringArray([]string{"subnet-0dst1"}),
			Link: &dspl.LinkSettingsArgs{
				Mode:                     dspl.LinkModePeering,
				SourceVpcId:              pulumi.String("vpc-0src"),
				SourceCidrBlocks:         pulumi.ToStringArray([]string{"10.20.0.0/16"}),
				DestinationCidrBlocks:    pulumi.ToStringArray([]string{"10.0.0.0/16"}),
				SourceRouteTableIds:      pulumi.ToStringArray([]string{"rtb-0src"}),
				DestinationRouteTableIds: pulumi.ToStringArray([]string{"rtb-0dst"}),
			},
			Agents: []dspl.AgentSpecArgs{{
				Name: "ec2-1",
				Instance: &dspl.AgentInstanceArgs{
					SubnetId:              pulumi.String("subnet-0src1"),
					InstanceType:          pulumi.String("m5.4xlarge"),
					ExtraSecurityGroupIds: pulumi.ToStringArray([]string{"sg-0nfs"}),
				},
				Activation: &dspl.ActivationSettingsArgs{
					Mode: &activationMode,
					JumpHost: &dspl.JumpHostArgs{
						Host:  pulumi.String("10.20.9.10"),
						Port:  pulumi.Int(2222),
						Proxy: &dspl.SshProxyArgs{Host: pulumi.String("bastion.example.com"), User: pulumi.String("ops")},
					},
				},
			}},
			ActivationSourceCidrs: pulumi.ToStringArray([]string{"10.20.9.10/32"}),
			SupportChannel:        pulumi.BoolRef(true),
			Fips:                  pulumi.BoolRef(false),
		})
		if err != nil {
			return err
		}
		pcx.from(fleet.PeeringConnectionId)
		ip.from(fleet.EndpointPrivateIp)
		rules.from(fleet.FirewallRules)
		return nil
	})

	in := m.one(t, privateAgentType).inputs
	equal(t, "source", in["source"], map[string]interface{}{"roleArn": "arn:aws:iam::222222222222:role/src", "externalId": "ext", "sessionName": "datasync-privatelink"})
	equal(t, "link.sourceCidrBlocks", in["link"].(map[string]interface{})["sourceCidrBlocks"], strs("10.20.0.0/16"))
	equal(t, "link.mode", in["link"].(map[string]interface{})["mode"], "peering")
	equal(t, "agents", in["agents"], []interface{}{map[string]interface{}{
		"name": "ec2-1",
		"instance": map[string]interface{}{
			"subnetId": "subnet-0src1", "instanceType": "m5.4xlarge", "extraSecurityGroupIds": strs("sg-0nfs"),
		},
		"activation": map[string]interface{}{
			"mode": "remote",
			"jumpHost": map[string]interface{}{
				"host": "10.20.9.10", "port": float64(2222),
				"proxy": map[string]interface{}{"host": "bastion.example.com", "user": "ops"},
			},
		},
	}})
	equal(t, "activationSourceCidrs", in["activationSourceCidrs"], strs("10.20.9.10/32"))
	equal(t, "supportChannel", in["supportChannel"], true)
	equal(t, "fips", in["fips"], false)
	equal(t, "PeeringConnectionId", pcx.get(t), "pcx-0123456789abcdef0")
	equal(t, "EndpointPrivateIp", ip.get(t), "10.0.1.99")
	equal(t, "FirewallRules", rules.get(t), []dspl.FirewallRule{
		{From: "10.20.1.15", To: "10.0.1.99", Protocol: "tcp", Ports: "443", Purpose: "activation and endpoint registration"},
		{From: "10.20.1.15", To: "10.0.1.99", Protocol: "tcp", Ports: "1024-1064", Purpose: "control traffic"},
	})
}

func TestServiceEndpointOutputsWireIntoAgent(t *testing.T) {
	m := &mocks{}
	var arn, address capture[string]
	run(t, m, func(ctx *pulumi.Context) error {
		endpoint, err := dspl.NewServiceEndpoint(ctx, "endpoint", &dspl.ServiceEndpointArgs{
			VpcId:          pulumi.String("vpc-0dst"),
			SubnetIds:      pulumi.ToStringArray([]string{"subnet-0dst1"}),
			AllowedSources: pulumi.ToStringArray([]string{"192.168.10.5/32"}),
		})
		if err != nil {
			return err
		}
		agent, err := dspl.NewAgent(ctx, "agent", &dspl.AgentArgs{
			AgentName:               pulumi.String("onprem-1"),
			Address:                 pulumi.String("192.168.10.5"),
			VpcEndpointId:           endpoint.VpcEndpointId,
			EndpointPrivateIp:       endpoint.EndpointPrivateIp,
			SubnetArn:               endpoint.SubnetArn,
			SecurityGroupArn:        endpoint.SecurityGroupArn,
			EndpointSecurityGroupId: endpoint.SecurityGroupId,
			Destination:             &dspl.AwsSideArgs{Region: pulumi.String("eu-west-2")},
		})
		if err != nil {
			return err
		}
		arn.from(agent.AgentArn)
		address.from(agent.AgentAddress)
		return nil
	})

	equal(t, "ServiceEndpoint inputs", m.one(t, serviceEndpointType).inputs, map[string]interface{}{
		"vpcId": "vpc-0dst", "subnetIds": strs("subnet-0dst1"), "allowedSources": strs("192.168.10.5/32"),
		"fips": false, "supportChannel": false, // schema defaults the SDK fills in
	})
	equal(t, "Agent inputs", m.one(t, agentType).inputs, map[string]interface{}{
		"agentName":               "onprem-1",
		"address":                 "192.168.10.5",
		"vpcEndpointId":           "vpce-0123456789abcdef0",
		"endpointPrivateIp":       "10.0.1.99",
		"subnetArn":               "arn:aws:ec2:eu-west-2:111111111111:subnet/subnet-0dst1",
		"securityGroupArn":        "arn:aws:ec2:eu-west-2:111111111111:security-group/sg-0123456789abcdef0",
		"endpointSecurityGroupId": "sg-0123456789abcdef0",
		"destination":             map[string]interface{}{"region": "eu-west-2", "sessionName": "datasync-privatelink"},
		// schema defaults the SDK fills in
		"agentMode":                  "basic",
		"allowWorldActivationSource": false,
		"fips":                       false,
		"supportChannel":             false,
	})
	equal(t, "AgentArn", arn.get(t), agentArn("onprem-1"))
	equal(t, "AgentAddress", address.get(t), "192.168.10.5")
}

func TestNetworkLinkInputs(t *testing.T) {
	m := &mocks{}
	var routes capture[[]string]
	run(t, m, func(ctx *pulumi.Context) error {
		sharing := dspl.TransitGatewaySharingRam
		link, err := dspl.NewNetworkLink(ctx, "link", &dspl.NetworkLinkArgs{
			Mode:                     dspl.LinkModeTransitGateway,
			SourceCidrBlocks:         pulumi.ToStringArray([]string{"10.20.0.0/16"}),
			DestinationCidrBlocks:    pulumi.ToStringArray([]string{"10.0.0.0/16"}),
			DestinationVpcId:         pulumi.String("vpc-0dst"),
			SourceVpcId:              pulumi.String("vpc-0src"),
			TransitGatewayId:         pulumi.String("tgw-0dst"),
			SourceSubnetIds:          pulumi.ToStringArray([]string{"subnet-0src1"}),
			TransitGatewaySharing:    &sharing,
			TransitGatewayAutoAccept: pulumi.BoolRef(true),
		})
		if err != nil {
			return err
		}
		routes.from(link.RouteIds)
		return nil
	})
	equal(t, "NetworkLink inputs", m.one(t, networkLinkType).inputs, map[string]interface{}{
		"mode": "transitGateway", "sourceCidrBlocks": strs("10.20.0.0/16"), "destinationCidrBlocks": strs("10.0.0.0/16"),
		"destinationVpcId": "vpc-0dst", "sourceVpcId": "vpc-0src", "transitGatewayId": "tgw-0dst",
		"sourceSubnetIds": strs("subnet-0src1"), "transitGatewaySharing": "ram", "transitGatewayAutoAccept": true,
	})
	equal(t, "RouteIds", routes.get(t), []string{"r-1", "r-2"})
}

func TestOutputTypedInputsResolveBeforeRegistration(t *testing.T) {
	m := &mocks{}
	run(t, m, func(ctx *pulumi.Context) error {
		vpc := pulumi.String("vpc-0dst").ToStringOutput().ApplyT(func(s string) string { return s }).(pulumi.StringOutput)
		_, err := dspl.NewPrivateAgent(ctx, "outs", &dspl.PrivateAgentArgs{
			VpcId:             vpc,
			EndpointSubnetIds: pulumi.StringArray{vpc.ApplyT(func(string) string { return "subnet-0dst1" }).(pulumi.StringOutput)},
			Agents:            []dspl.AgentSpecArgs{{Name: "o", Address: vpc.ApplyT(func(string) string { return "10.20.1.15" }).(pulumi.StringOutput)}},
		})
		return err
	})
	in := m.one(t, privateAgentType).inputs
	equal(t, "vpcId", in["vpcId"], "vpc-0dst")
	equal(t, "endpointSubnetIds", in["endpointSubnetIds"], strs("subnet-0dst1"))
	equal(t, "agents", in["agents"], []interface{}{map[string]interface{}{"name": "o", "address": "10.20.1.15"}})
}

func TestRequiredArgumentsAreChecked(t *testing.T) {
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := dspl.NewPrivateAgent(ctx, "missing", &dspl.PrivateAgentArgs{
			EndpointSubnetIds: pulumi.ToStringArray([]string{"subnet-0dst1"}),
			Agents:            []dspl.AgentSpecArgs{{Name: "x", Address: pulumi.String("10.0.0.1")}},
		})
		return err
	}, pulumi.WithMocks("dspl-tests", "test", &mocks{}))
	if err == nil || !strings.Contains(err.Error(), "VpcId") {
		t.Fatalf("expected an error naming VpcId, got %v", err)
	}
	err = pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := dspl.NewPrivateAgent(ctx, "nil-args", nil)
		return err
	}, pulumi.WithMocks("dspl-tests", "test", &mocks{}))
	if err == nil {
		t.Fatal("expected an error for nil args")
	}
}
