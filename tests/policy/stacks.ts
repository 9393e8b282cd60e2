// Two resource sets for the pack-level tests.
//
// handBuiltStack: a DataSync setup wired by hand with @pulumi/aws, with the mistakes such setups
// make (AWS examples and public modules make most of them). Each mistake is listed in
// HAND_BUILT_MISTAKES with the policy that must flag it.
//
// componentShapedFixture: the resources this package's components create for one EC2 agent over
// peering, built by hand to mirror them (endpoint without private DNS, endpoint group open only to
// the agent's /32 on 443 and 1024-1064, hardened agent instance, port 80 only from the activation
// host, egress to the endpoint IP and task subnet, aws.datasync.Agent in the endpoint's VPC with
// the key alone, activation Command with logging "stderr" and secret stdout). It exists for the
// preview case (IDs unknown), which the stacks recorded from the components themselves
// (recorded.ts, resolved values only) do not cover.
import { PolicyPackConfig } from "@pulumi/policy";
import { TYPES } from "../../policy/lib/types";
import { FixtureResource, ref, StackFixture } from "./fixtures";

const EGRESS_RULE = TYPES.securityGroupEgressRule;
const ROUTE = TYPES.route;

export interface Mistake {
    policy: string;
    /** The policy's enforcement level as the pack ships it. */
    level?: "advisory";
    /** Name of the resource the violation is reported against. */
    resource: string;
    /** How many violations this policy reports for it. */
    count: number;
    what: string;
}

export const HAND_BUILT_MISTAKES: Mistake[] = [
    { policy: "datasync-endpoint-private-dns-disabled", level: "advisory", resource: "datasync-endpoint", count: 1, what: "private DNS left on" },
    { policy: "datasync-endpoint-service-name", resource: "datasync-endpoint", count: 1, what: "service name copied from a us-east-1 example" },
    { policy: "datasync-no-world-ingress", resource: "agent-http", count: 1, what: "port 80 open to 0.0.0.0/0" },
    { policy: "datasync-agent-activation-port", resource: "agent-http", count: 1, what: "port 80 open to 0.0.0.0/0" },
    { policy: "datasync-endpoint-support-channel", resource: "endpoint-sg", count: 1, what: "all traffic from the source VPC, so TCP 22 too" },
    { policy: "datasync-agent-private-endpoint", resource: "ec2-agent", count: 1, what: "agent activated against the public endpoint" },
    {
        policy: "datasync-agent-private-endpoint",
        resource: "onprem-agent",
        count: 1,
        what: "activationKey next to privateLinkEndpoint (the Terraform example's argument)",
    },
    {
        policy: "datasync-ec2-agent-hardening",
        resource: "datasync-agent-vm",
        count: 5,
        what: "public IP, IMDSv1, unencrypted root, m6g.large: too small and arm64",
    },
    { policy: "connected-vpcs-no-cidr-overlap", resource: "source-to-destination", count: 1, what: "peered VPCs overlap via a secondary CIDR" },
    { policy: "datasync-agent-endpoint-placement", resource: "onprem-agent", count: 1, what: "subnet ARN from the source VPC, not the endpoint's" },
    { policy: "datasync-activation-key-secret", resource: "get-activation-key", count: 2, what: "curl with default logging and plain-text stdout" },
    { policy: "aws-security-group-rule-quota", resource: "endpoint-sg", count: 1, what: "one rule per on-premises agent: 61 inbound rules" },
    { policy: "aws-security-group-rule-duplicate", resource: "allowed-onprem-0-443", count: 1, what: "an allowed source repeating an agent's /32 rule" },
    { policy: "datasync-agent-egress-to-endpoint", resource: "datasync-agent-vm", count: 1, what: "'HTTPS out only' egress: no 1024-1064 to the endpoint" },
    { policy: "aws-route-duplicate", resource: "src-to-dst-again", count: 1, what: "the same route pasted twice" },
    { policy: "aws-names-and-descriptions", resource: "onprem-agent", count: 1, what: "agent name with parentheses" },
];

/** The enforcement level each hand-built mistake is reported at: its policy's own. */
export function expectedLevels(): Map<string, string> {
    return new Map(HAND_BUILT_MISTAKES.map((m) => [m.policy, m.level ?? "mandatory"]));
}

/** On-premises agents the hand-built stack admits one rule each (192.168.10.<i>/32). */
export const HAND_BUILT_FLEET = 60;

/** A hand-built DataSync setup with the mistakes listed in HAND_BUILT_MISTAKES. */
export function handBuiltStack(o: { preview?: boolean } = {}): FixtureResource[] {
    const s = new StackFixture({ preview: o.preview });
    const destination = s.add(TYPES.vpc, "destination-vpc", { cidrBlock: "10.0.0.0/16" });
    const source = s.add(TYPES.vpc, "source-vpc", { cidrBlock: "10.1.0.0/16" });
    // A secondary range added later for a new team, overlapping the destination VPC.
    s.add(TYPES.vpcCidrAssociation, "source-vpc-extra", { vpcId: ref(source), cidrBlock: "10.0.128.0/20" });
    const peering = s.add(TYPES.vpcPeering, "source-to-destination", { vpcId: ref(source), peerVpcId: ref(destination), autoAccept: true });
    const destSubnet = s.add(TYPES.subnet, "destination-subnet", { vpcId: ref(destination), cidrBlock: "10.0.1.0/24", availabilityZone: "eu-west-2a" });
    const sourceSubnet = s.add(TYPES.subnet, "source-subnet", { vpcId: ref(source), cidrBlock: "10.1.1.0/24", availabilityZone: "eu-west-2a" });

    const endpointSg = s.add(TYPES.securityGroup, "endpoint-sg", {
        vpcId: ref(destination),
        description: "DataSync endpoint",
        ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.1.0.0/16"], description: "everything from the source VPC" }],
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    });
    const endpoint = s.add(TYPES.vpcEndpoint, "datasync-endpoint", {
        vpcId: ref(destination),
        serviceName: "com.amazonaws.us-east-1.datasync",
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: [ref(destSubnet)],
        securityGroupIds: [ref(endpointSg)],
    });

    const agentSg = s.add(TYPES.securityGroup, "agent-sg", { vpcId: ref(source), description: "DataSync agent" });
    s.add(TYPES.securityGroupRule, "agent-http", {
        type: "ingress",
        securityGroupId: ref(agentSg),
        protocol: "tcp",
        fromPort: 80,
        toPort: 80,
        cidrBlocks: ["0.0.0.0/0"],
        description: "activation",
    });
    // "HTTPS out only": the control ports 1024-1064 to the endpoint are missing.
    s.add(TYPES.securityGroupRule, "agent-egress", {
        type: "egress",
        securityGroupId: ref(agentSg),
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrBlocks: ["0.0.0.0/0"],
    });
    const vm = s.add(
        TYPES.instance,
        "datasync-agent-vm",
        {
            ami: "ami-0a1b2c3d4e5f60718",
            instanceType: "m6g.large",
            subnetId: ref(sourceSubnet),
            vpcSecurityGroupIds: [ref(agentSg)],
            associatePublicIpAddress: true,
            rootBlockDevice: { volumeSize: 80 },
            tags: { Name: "datasync-agent" },
        },
        { outputs: { privateIp: "10.1.1.10", publicIp: "203.0.113.50" } },
    );
    // The Terraform-style agent: the provider fetches the key from the public IP, no endpoint.
    s.add(TYPES.datasyncAgent, "ec2-agent", { ipAddress: ref(vm, "publicIp"), name: "ec2-agent" });

    // An on-premises VM activated privately with a hand-written curl.
    const curl = s.add(
        TYPES.localCommand,
        "get-activation-key",
        {
            create: 'curl -s "http://192.168.10.20/?gatewayType=SYNC&activationRegion=eu-west-2&endpointType=PRIVATE_LINK&privateLinkEndpoint=10.0.1.5&no_redirect"',
        },
        { outputs: { stdout: "F0EFT-7FPPR-GG7MC-3I9R3-27DOH", stderr: "" } },
    );
    s.add(TYPES.datasyncAgent, "onprem-agent", {
        activationKey: ref(curl, "stdout"),
        privateLinkEndpoint: "10.0.1.5",
        vpcEndpointId: ref(endpoint),
        subnetArns: [ref(sourceSubnet, "arn")],
        securityGroupArns: [ref(endpointSg, "arn")],
        name: "onprem agent (site A)",
    });

    // A fleet of on-premises agents, one rule each on the endpoint group, plus an "allowed
    // sources" list that repeats the first agent's address.
    for (let i = 0; i < HAND_BUILT_FLEET; i++) {
        s.add(TYPES.securityGroupIngressRule, `fleet-${i}-443`, {
            securityGroupId: ref(endpointSg),
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: `192.168.10.${i}/32`,
        });
    }
    s.add(TYPES.securityGroupIngressRule, "allowed-onprem-0-443", {
        securityGroupId: ref(endpointSg),
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: "192.168.10.0/32",
    });

    // Routes from the source VPC to the destination, one pasted twice.
    for (const name of ["src-to-dst", "src-to-dst-again"]) {
        s.add(ROUTE, name, { routeTableId: "rtb-0a1b2c3d4e5f60003", destinationCidrBlock: "10.0.0.0/16", vpcPeeringConnectionId: ref(peering) });
    }
    return s.resources;
}

/** The activation host the component-shaped stack opens port 80 to (a jump host in the source VPC). */
export const COMPONENT_ACTIVATION_SOURCE = "10.1.0.10/32";

/** Pack config the component-shaped stack is run with. */
export const COMPONENT_CONFIG: PolicyPackConfig = {
    "datasync-agent-activation-port": { activationSourceCidrs: [COMPONENT_ACTIVATION_SOURCE] },
};

/**
 * What this package's components create for one EC2 agent in a source VPC, peered with the
 * destination VPC that holds the endpoint. Built by hand to mirror the components.
 */
export function componentShapedFixture(o: { preview?: boolean } = {}): FixtureResource[] {
    const s = new StackFixture({ preview: o.preview });
    // NetworkLink
    const destination = s.add(TYPES.vpc, "destination-vpc", { cidrBlock: "10.0.0.0/16" });
    const source = s.add(TYPES.vpc, "source-vpc", { cidrBlock: "10.1.0.0/16" });
    s.add(TYPES.vpcCidrAssociation, "source-vpc-secondary", { vpcId: ref(source), cidrBlock: "100.64.0.0/20" });
    const peering = s.add(TYPES.vpcPeering, "link-peering", { vpcId: ref(source), peerVpcId: ref(destination), autoAccept: true });
    s.add(ROUTE, "link-src-rt0-r0", { routeTableId: "rtb-0a1b2c3d4e5f60001", destinationCidrBlock: "10.0.0.0/16", vpcPeeringConnectionId: ref(peering) });
    s.add(ROUTE, "link-dst-rt0-r0", { routeTableId: "rtb-0a1b2c3d4e5f60002", destinationCidrBlock: "10.1.0.0/16", vpcPeeringConnectionId: ref(peering) });
    const destSubnet = s.add(TYPES.subnet, "destination-subnet", { vpcId: ref(destination), cidrBlock: "10.0.1.0/24", availabilityZone: "eu-west-2a" });
    const sourceSubnet = s.add(TYPES.subnet, "source-subnet", { vpcId: ref(source), cidrBlock: "10.1.1.0/24", availabilityZone: "eu-west-2a" });

    // Agent VM (its group first: the endpoint rules name the agent's address).
    const agentSg = s.add(TYPES.securityGroup, "agent-sg", { vpcId: ref(source), description: "DataSync agent agent" });
    const vm = s.add(
        TYPES.instance,
        "agent-vm",
        {
            ami: "ami-0a1b2c3d4e5f60718",
            instanceType: "m5.2xlarge",
            subnetId: ref(sourceSubnet),
            vpcSecurityGroupIds: [ref(agentSg)],
            associatePublicIpAddress: false,
            metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
            rootBlockDevice: { encrypted: true, volumeSize: 80, volumeType: "gp3" },
            tags: { Name: "agent-datasync-agent" },
        },
        { outputs: { privateIp: "10.1.1.10" } },
    );

    // ServiceEndpoint
    const endpointSg = s.add(TYPES.securityGroup, "endpoint-sg", { vpcId: ref(destination), description: "DataSync endpoint and task interfaces" });
    for (const [key, from, to] of [
        ["in-s0-443", 443, 443],
        ["in-s0-1024-1064", 1024, 1064],
    ] as const) {
        s.add(TYPES.securityGroupIngressRule, `endpoint-sg-${key}`, {
            securityGroupId: ref(endpointSg),
            ipProtocol: "tcp",
            fromPort: from,
            toPort: to,
            // `${privateIp}/32`: known after the VM exists, computed from it at preview.
            cidrIpv4: s.preview ? ref(vm, "privateIp") : "10.1.1.10/32",
        });
    }
    const endpoint = s.add(TYPES.vpcEndpoint, "endpoint", {
        vpcId: ref(destination),
        serviceName: "com.amazonaws.eu-west-2.datasync",
        vpcEndpointType: "Interface",
        privateDnsEnabled: false,
        subnetIds: [ref(destSubnet)],
        securityGroupIds: [ref(endpointSg)],
    });

    // Agent: port 80 from the activation host only; egress to the endpoint IP and the task subnet.
    s.add(TYPES.securityGroupIngressRule, "agent-sg-in-s0-80", {
        securityGroupId: ref(agentSg),
        ipProtocol: "tcp",
        fromPort: 80,
        toPort: 80,
        cidrIpv4: COMPONENT_ACTIVATION_SOURCE,
    });
    for (const [key, from, to, cidr] of [
        ["out-endpoint-443", 443, 443, "10.0.1.5/32"],
        ["out-endpoint-1024-1064", 1024, 1064, "10.0.1.5/32"],
        ["out-tasks-443", 443, 443, "10.0.1.0/24"],
    ] as const) {
        s.add(EGRESS_RULE, `agent-sg-${key}`, { securityGroupId: ref(agentSg), ipProtocol: "tcp", fromPort: from, toPort: to, cidrIpv4: cidr });
    }
    const activation = s.add(
        TYPES.localCommand,
        "agent-activation",
        {
            create: "#!/bin/sh\n# activate.sh: obtain a DataSync agent's activation key ...\n",
            environment: {
                AGENT_ADDRESS: ref(vm, "privateIp"),
                ACTIVATION_REGION: "eu-west-2",
                ENDPOINT_TYPE: "PRIVATE_LINK",
                PRIVATE_LINK_ENDPOINT: "10.0.1.5",
            },
            logging: "stderr",
        },
        { outputs: { stdout: "F0EFT-7FPPR-GG7MC-3I9R3-27DOH", stderr: "" }, opts: { additionalSecretOutputs: ["stdout"] } },
    );
    s.add(TYPES.datasyncAgent, "agent", {
        activationKey: ref(activation, "stdout"),
        vpcEndpointId: ref(endpoint),
        subnetArns: [ref(destSubnet, "arn")],
        securityGroupArns: [ref(endpointSg, "arn")],
        name: "agent",
    });
    return s.resources;
}
