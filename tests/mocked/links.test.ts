import * as assert from "assert";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { defaultWorld, recorder, settle } from "./harness";

const SRC_ROLE = "arn:aws:iam::222222222222:role/datasync-source";
const DST_ROLE = "arn:aws:iam::111111111111:role/datasync-destination";

function crossWorld(srcRegion: string) {
    const w = defaultWorld();
    w.regionByProvider = { "dsync-source": srcRegion, "dsync-destination": "eu-west-2" };
    w.accountByProvider = { "dsync-source": "222222222222", "dsync-destination": "111111111111" };
    return w;
}

const link = {
    mode: "peering" as const,
    sourceVpcId: "vpc-src",
    sourceCidrBlocks: ["10.20.0.0/16"],
    destinationCidrBlocks: ["10.0.0.0/16"],
    sourceRouteTableIds: ["rtb-src1"],
    destinationRouteTableIds: ["rtb-dst1", "rtb-dst2"],
};

describe("PrivateAgent, cross-account VPC peering", () => {
    before(async () => {
        recorder.reset(crossWorld("eu-west-2"));
        const a = new PrivateAgent("dsync", {
            source: { roleArn: SRC_ROLE, region: "eu-west-2" },
            destination: { roleArn: DST_ROLE, region: "eu-west-2" },
            vpcId: "vpc-dst",
            endpointSubnetIds: ["subnet-dst-a"],
            link,
            agents: [{ name: "ec2", instance: { subnetId: "subnet-src-a" } }],
            activationSourceCidrs: ["10.20.5.5/32"],
        });
        await settle(a.agentArn);
    });

    it("makes one provider per side, assuming each side's role", () => {
        const ps = recorder.ofType("pulumi:providers:aws");
        assert.deepStrictEqual(ps.map((p) => p.name).sort(), ["dsync-destination", "dsync-source"]);
        const src = recorder.named("dsync-source").inputs;
        assert.strictEqual(src.region, "eu-west-2");
        assert.deepStrictEqual(JSON.parse(src.assumeRoles), [{ roleArn: SRC_ROLE, sessionName: "datasync-privatelink" }]);
    });

    it("requests peering from the source account and accepts it in the destination account", () => {
        const req = recorder.named("dsync-peering");
        assert.strictEqual(req.provider, "dsync-source");
        assert.strictEqual(req.inputs.vpcId, "vpc-src");
        assert.strictEqual(req.inputs.peerVpcId, "vpc-dst");
        assert.strictEqual(req.inputs.peerOwnerId, "111111111111");
        assert.strictEqual(req.inputs.peerRegion, undefined);
        assert.strictEqual(req.inputs.autoAccept, undefined);
        const acc = recorder.named("dsync-peering-accepter");
        assert.strictEqual(acc.provider, "dsync-destination");
        assert.strictEqual(acc.inputs.autoAccept, true);
        assert.strictEqual(acc.inputs.vpcPeeringConnectionId, "pcx-0123456789abcdef0");
    });

    it("routes both sides' tables to the other side's ranges over the peering", () => {
        const routes = recorder.ofType("aws:ec2/route:Route").map((r) => `${r.provider} ${r.inputs.routeTableId} ${r.inputs.destinationCidrBlock} ${r.inputs.vpcPeeringConnectionId}`);
        assert.deepStrictEqual(routes.sort(), [
            "dsync-destination rtb-dst1 10.20.0.0/16 pcx-0123456789abcdef0",
            "dsync-destination rtb-dst2 10.20.0.0/16 pcx-0123456789abcdef0",
            "dsync-source rtb-src1 10.0.0.0/16 pcx-0123456789abcdef0",
        ]);
    });

    it("keeps the endpoint and the activated agent on the destination side and the VM on the source side", () => {
        assert.strictEqual(recorder.named("dsync-endpoint").provider, "dsync-destination");
        assert.strictEqual(recorder.named("dsync-sg").provider, "dsync-destination");
        assert.strictEqual(recorder.named("dsync-ec2-agent").provider, "dsync-destination");
        assert.strictEqual(recorder.named("dsync-ec2-endpoint-in-s0-443").provider, "dsync-destination");
        assert.strictEqual(recorder.named("dsync-ec2-instance").provider, "dsync-source");
        assert.strictEqual(recorder.named("dsync-ec2-agent-sg").provider, "dsync-source");
    });
});

describe("PrivateAgent, cross-Region VPC peering", () => {
    before(async () => {
        recorder.reset(crossWorld("us-east-1"));
        const a = new PrivateAgent("dsync", {
            source: { region: "us-east-1" },
            destination: { region: "eu-west-2" },
            vpcId: "vpc-dst",
            endpointSubnetIds: ["subnet-dst-a"],
            link,
            agents: [{ name: "vm", address: "10.20.1.50" }],
        });
        await settle(a.agentArn);
    });

    it("names the peer Region on the requester and activates in the endpoint's Region", () => {
        assert.strictEqual(recorder.named("dsync-peering").inputs.peerRegion, "eu-west-2");
        assert.strictEqual(recorder.named("dsync-peering-accepter").provider, "dsync-destination");
        assert.strictEqual(recorder.named("dsync-vm-activation").inputs.environment.ACTIVATION_REGION, "eu-west-2");
        assert.strictEqual(recorder.named("dsync-endpoint").inputs.serviceName, "com.amazonaws.eu-west-2.datasync");
        assert.strictEqual(recorder.ofType("aws:ec2/route:Route").length, 3);
    });
});

describe("PrivateAgent, transit gateway across accounts", () => {
    before(async () => {
        recorder.reset(crossWorld("eu-west-2"));
        const a = new PrivateAgent("dsync", {
            source: { roleArn: SRC_ROLE },
            destination: { roleArn: DST_ROLE },
            vpcId: "vpc-dst",
            endpointSubnetIds: ["subnet-dst-a"],
            link: {
                mode: "transitGateway",
                transitGatewayId: "tgw-0abc",
                sourceVpcId: "vpc-src",
                sourceSubnetIds: ["subnet-src-a"],
                sourceCidrBlocks: ["10.20.0.0/16"],
                destinationCidrBlocks: ["10.0.0.0/16"],
                sourceRouteTableIds: ["rtb-src1"],
                destinationRouteTableIds: ["rtb-dst1"],
            },
            agents: [{ name: "vm", address: "10.20.1.50" }],
        });
        await settle(a.agentArn);
    });

    it("shares the gateway through RAM, attaches both VPCs and accepts the source attachment", () => {
        const names = recorder.resources.filter((r) => /tgw|attachment/.test(r.name)).map((r) => `${r.type} ${r.name} ${r.provider}`);
        assert.deepStrictEqual(names.sort(), [
            "aws:ec2transitgateway/vpcAttachment:VpcAttachment dsync-dst-attachment dsync-destination",
            "aws:ec2transitgateway/vpcAttachment:VpcAttachment dsync-src-attachment dsync-source",
            "aws:ec2transitgateway/vpcAttachmentAccepter:VpcAttachmentAccepter dsync-src-attachment-accepter dsync-destination",
            "aws:ram/principalAssociation:PrincipalAssociation dsync-tgw-share-principal dsync-destination",
            "aws:ram/resourceAssociation:ResourceAssociation dsync-tgw-share-gateway dsync-destination",
            "aws:ram/resourceShare:ResourceShare dsync-tgw-share dsync-destination",
            "aws:ram/resourceShareAccepter:ResourceShareAccepter dsync-tgw-share-accepter dsync-source",
        ]);
        assert.strictEqual(recorder.named("dsync-tgw-share-principal").inputs.principal, "222222222222");
        assert.deepStrictEqual(recorder.named("dsync-dst-attachment").inputs.subnetIds, ["subnet-dst-a"]);
        assert.strictEqual(recorder.named("dsync-src-attachment").inputs.transitGatewayId, "tgw-0abc");
    });

    it("routes both sides to the gateway", () => {
        const routes = recorder.ofType("aws:ec2/route:Route").map((r) => `${r.inputs.routeTableId} ${r.inputs.destinationCidrBlock} ${r.inputs.transitGatewayId}`);
        assert.deepStrictEqual(routes.sort(), ["rtb-dst1 10.20.0.0/16 tgw-0abc", "rtb-src1 10.0.0.0/16 tgw-0abc"]);
    });
});

describe("PrivateAgent, fleet of three sharing one endpoint", () => {
    before(async () => {
        recorder.reset();
        const a = new PrivateAgent("fleet", {
            vpcId: "vpc-dst",
            endpointSubnetIds: ["subnet-dst-a"],
            agents: [
                { name: "a1", address: "10.0.1.21" },
                { name: "a2", address: "10.0.1.22" },
                { name: "a3", address: "10.0.1.23" },
            ],
        });
        await settle(a.agentArn, a.agentArns);
    });

    it("makes one endpoint and one group, three activations and three agents on it", () => {
        assert.strictEqual(recorder.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").length, 1);
        assert.strictEqual(recorder.ofType("aws:ec2/securityGroup:SecurityGroup").length, 1);
        assert.strictEqual(recorder.ofType("command:local:Command").length, 3);
        const agents = recorder.ofType("aws:datasync/agent:Agent");
        assert.deepStrictEqual(agents.map((a) => a.inputs.name), ["a1", "a2", "a3"]);
        assert.strictEqual(new Set(agents.map((a) => a.inputs.vpcEndpointId)).size, 1);
        assert.strictEqual(new Set(agents.map((a) => a.inputs.securityGroupArns[0])).size, 1);
    });

    it("opens the shared group to each agent's /32 and nothing else", () => {
        const rules = recorder.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => `${r.inputs.cidrIpv4} ${r.inputs.fromPort}`);
        assert.deepStrictEqual(rules.sort(), ["10.0.1.21/32 1024", "10.0.1.21/32 443", "10.0.1.22/32 1024", "10.0.1.22/32 443", "10.0.1.23/32 1024", "10.0.1.23/32 443"]);
    });
});
