// A private DataSync agent set up by hand with @pulumi/aws and @pulumi/command, the way public
// examples and first attempts do it, mistakes included. Each mistake names the policy of policy/
// that must report it (tests/policy/stacks.ts lists the same kinds of mistake for the in-process
// tests). The network around it is the AWS test double's world (tests/fixtures/aws.ts IDs).
//
// Only for `pulumi preview --policy-pack policy/` against the AWS TEST DOUBLE (tests/policy/engine.sh).
// Preview runs no command; the activation request below would go to AGENT_ADDRESS, which the
// engine script sets to 127.0.0.1.
import * as aws from "@pulumi/aws";
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { AMI, DST, REGION, SRC } from "../../../fixtures/aws";

const config = new pulumi.Config();
const agentAddress = config.get("agentAddress") ?? "127.0.0.1";

// connected-vpcs-no-cidr-overlap: a secondary range added to the source VPC for a new team overlaps
// the destination VPC (10.0.0.0/16), which the source VPC is peered with.
new aws.ec2.VpcIpv4CidrBlockAssociation("source-vpc-extra", { vpcId: SRC.vpc, cidrBlock: "10.0.128.0/20" });
const peering = new aws.ec2.VpcPeeringConnection("source-to-destination", { vpcId: SRC.vpc, peerVpcId: DST.vpc, autoAccept: true });

// aws-route-duplicate: the same route pasted twice into the source VPC's route table.
for (const name of ["src-to-dst", "src-to-dst-again"]) {
    new aws.ec2.Route(name, { routeTableId: SRC.routeTable, destinationCidrBlock: "10.0.0.0/16", vpcPeeringConnectionId: peering.id });
}

const destSubnet = new aws.ec2.Subnet("destination-subnet", { vpcId: DST.vpc, cidrBlock: "10.0.9.0/24", availabilityZone: `${REGION}a` });
const sourceSubnet = new aws.ec2.Subnet("source-subnet", { vpcId: SRC.vpc, cidrBlock: "10.20.9.0/24", availabilityZone: `${REGION}a` });

// datasync-endpoint-support-channel: "everything from the source VPC" includes TCP 22.
const endpointSg = new aws.ec2.SecurityGroup("endpoint-sg", {
    vpcId: DST.vpc,
    description: "DataSync endpoint",
    ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.20.0.0/16"], description: "everything from the source VPC" }],
});

// datasync-endpoint-private-dns-disabled (advisory): private DNS left on.
// datasync-endpoint-service-name: the service name copied from a us-east-1 example into eu-west-2.
const endpoint = new aws.ec2.VpcEndpoint("datasync-endpoint", {
    vpcId: DST.vpc,
    serviceName: "com.amazonaws.us-east-1.datasync",
    vpcEndpointType: "Interface",
    privateDnsEnabled: true,
    subnetIds: [destSubnet.id],
    securityGroupIds: [endpointSg.id],
});

// aws-security-group-rule-quota: one rule per on-premises agent, 60 of them plus the inline rule.
for (let i = 0; i < 60; i++) {
    new aws.vpc.SecurityGroupIngressRule(`fleet-${i}-443`, {
        securityGroupId: endpointSg.id,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: `192.168.10.${i}/32`,
    });
}
// aws-security-group-rule-duplicate: an "allowed sources" rule repeating the first agent's.
new aws.vpc.SecurityGroupIngressRule("allowed-onprem-0-443", {
    securityGroupId: endpointSg.id,
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: "192.168.10.0/32",
});

// datasync-agent-egress-to-endpoint: "HTTPS out only" leaves out the control ports 1024-1064.
const agentSg = new aws.ec2.SecurityGroup("agent-sg", {
    vpcId: SRC.vpc,
    description: "DataSync agent",
    egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
});
// datasync-no-world-ingress and datasync-agent-activation-port: port 80 open to the world.
new aws.vpc.SecurityGroupIngressRule("agent-http", {
    securityGroupId: agentSg.id,
    ipProtocol: "tcp",
    fromPort: 80,
    toPort: 80,
    cidrIpv4: "0.0.0.0/0",
    description: "activation",
});

// datasync-ec2-agent-hardening: public IP, IMDSv1, unencrypted root, and a Graviton type (m6g.large:
// too small, and arm64, which the x86_64 agent AMI cannot boot).
const vm = new aws.ec2.Instance("datasync-agent-vm", {
    ami: AMI.basic,
    instanceType: "m6g.large",
    subnetId: sourceSubnet.id,
    vpcSecurityGroupIds: [agentSg.id],
    associatePublicIpAddress: true,
    rootBlockDevice: { volumeSize: 80 },
    tags: { Name: "datasync-agent" },
});

// datasync-agent-private-endpoint: the Terraform-style agent, its key fetched from the public IP
// with no endpoint at all.
new aws.datasync.Agent("ec2-agent", { ipAddress: vm.publicIp, name: "ec2-agent" });

// datasync-activation-key-secret: the key on stdout, logged and stored in plain text.
const key = new command.local.Command("get-activation-key", {
    create: 'curl -s "http://${AGENT_ADDRESS}/?gatewayType=SYNC&activationRegion=eu-west-2&endpointType=PRIVATE_LINK&privateLinkEndpoint=10.0.9.10&no_redirect"',
    environment: { AGENT_ADDRESS: agentAddress },
});

// datasync-agent-private-endpoint: activationKey next to privateLinkEndpoint (ConflictsWith).
// datasync-agent-endpoint-placement: the subnet ARN of the source VPC, not the endpoint's.
// aws-names-and-descriptions: parentheses in the agent name.
new aws.datasync.Agent("onprem-agent", {
    activationKey: key.stdout,
    privateLinkEndpoint: "10.0.9.10",
    vpcEndpointId: endpoint.id,
    subnetArns: [sourceSubnet.arn],
    securityGroupArns: [endpointSg.arn],
    name: "onprem agent (site A)",
});

export const endpointId = endpoint.id;
export const agentInstanceId = vm.id;
