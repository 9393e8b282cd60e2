// An EC2 agent in another account (the source), over a VPC peering in one Region: each side's
// resources through its own provider (a role per side), the peering requester with the agents'
// VPC and its accepter with the endpoint's, routes both ways, and the endpoint's group admitting
// the fleet's agent group by reference ("<account>/<group>", AWS VPC peering guide).
import * as assert from "assert";
import { ACCOUNT, AMI, DST, REGION, SOURCE_ACCOUNT, SRC } from "../fixtures/aws";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { built, recorder } from "./harness";

const SOURCE_ROLE = `arn:aws:iam::${SOURCE_ACCOUNT}:role/datasync-source`;
const DESTINATION_ROLE = `arn:aws:iam::${ACCOUNT}:role/datasync-destination`;

describe("PrivateAgent: EC2 agent in another account over VPC peering", () => {
    let fleet: PrivateAgent;
    before(async () => {
        recorder.reset();
        fleet = new PrivateAgent("dsync", {
            source: { roleArn: SOURCE_ROLE },
            destination: { roleArn: DESTINATION_ROLE },
            vpcId: DST.vpc,
            endpointSubnetIds: [DST.subnetA],
            agents: [{ name: "ec2-1", instance: { subnetId: SRC.subnetA } }],
            activationSourceCidrs: ["10.20.9.10/32"],
            link: {
                mode: "peering",
                sourceVpcId: SRC.vpc,
                sourceCidrBlocks: ["10.20.0.0/16"],
                destinationCidrBlocks: ["10.0.0.0/16"],
                sourceRouteTableIds: [SRC.routeTable],
                destinationRouteTableIds: [DST.routeTable],
            },
        });
        await built(fleet, fleet.agentArn, fleet.firewallRules, fleet.peeringConnectionId);
    });

    it("creates one provider per side, from the stack's settings plus the side's role", () => {
        const providers = recorder.ofType("pulumi:providers:aws").map((p) => [p.name, JSON.parse(p.inputs.assumeRoles)]);
        assert.deepStrictEqual(providers.sort(), [
            ["dsync-destination", [{ roleArn: DESTINATION_ROLE, sessionName: "datasync-privatelink" }]],
            ["dsync-source", [{ roleArn: SOURCE_ROLE, sessionName: "datasync-privatelink" }]],
        ]);
    });

    it("puts every resource in the account AWS requires", () => {
        const where = Object.fromEntries(recorder.resources.filter((r) => r.type.startsWith("aws:")).map((r) => [r.name, r.at.account]));
        assert.deepStrictEqual(where, {
            "dsync-peering": SOURCE_ACCOUNT,
            "dsync-peering-accepter": ACCOUNT,
            "dsync-src-rt0-r0": SOURCE_ACCOUNT,
            "dsync-dst-rt0-r0": ACCOUNT,
            "dsync-agents-sg": SOURCE_ACCOUNT,
            "dsync-sg": ACCOUNT,
            "dsync-in-agents-443": ACCOUNT,
            "dsync-in-agents-1024-1064": ACCOUNT,
            "dsync-endpoint": ACCOUNT,
            "dsync-agents-in-activation0-80": SOURCE_ACCOUNT,
            "dsync-agents-out-endpoint-443": SOURCE_ACCOUNT,
            "dsync-agents-out-endpoint-1024-1064": SOURCE_ACCOUNT,
            "dsync-agents-out-tasks0-443": SOURCE_ACCOUNT,
            "dsync-ec2-1-instance": SOURCE_ACCOUNT,
            "dsync-ec2-1-agent": ACCOUNT,
        });
    });

    it("requests the peering from the agents' VPC to the endpoint's, in the endpoint's account, and accepts it there", () => {
        assert.deepStrictEqual(recorder.named("dsync-peering").inputs, { vpcId: SRC.vpc, peerVpcId: DST.vpc, peerOwnerId: ACCOUNT });
        const peering = recorder.named("dsync-peering").id;
        assert.deepStrictEqual(recorder.named("dsync-peering-accepter").inputs, { vpcPeeringConnectionId: peering, autoAccept: true });
        assert.deepStrictEqual(recorder.named("dsync-src-rt0-r0").inputs, {
            routeTableId: SRC.routeTable,
            destinationCidrBlock: "10.0.0.0/16",
            vpcPeeringConnectionId: peering,
        });
        assert.deepStrictEqual(recorder.named("dsync-dst-rt0-r0").inputs, {
            routeTableId: DST.routeTable,
            destinationCidrBlock: "10.20.0.0/16",
            vpcPeeringConnectionId: peering,
        });
    });

    it("admits the agents' group by reference with its account, on 443 and 1024-1064", () => {
        const group = recorder.named("dsync-agents-sg");
        for (const [key, from, to] of [
            ["443", 443, 443],
            ["1024-1064", 1024, 1064],
        ] as const) {
            assert.deepStrictEqual(recorder.named(`dsync-in-agents-${key}`).inputs, {
                securityGroupId: recorder.named("dsync-sg").id,
                referencedSecurityGroupId: `${SOURCE_ACCOUNT}/${group.id}`,
                ipProtocol: "tcp",
                fromPort: from,
                toPort: to,
                description: from === 443 ? "agent to DataSync endpoint: activation and endpoint registration" : "agent to DataSync endpoint: control traffic",
            });
        }
    });

    it("gives the agents' group port 80 from the activation source only, and egress to the endpoint IP and the task subnet", () => {
        const group = recorder.named("dsync-agents-sg");
        assert.deepStrictEqual(group.inputs, {
            namePrefix: "dsync-agents-",
            vpcId: SRC.vpc,
            description: "DataSync agent: port 80 from activation sources; out to the endpoint, task interfaces and storage",
            tags: { Name: "dsync-agents-sg" },
        });
        const rules = recorder.resources
            .filter((r) => r.type.startsWith("aws:vpc/securityGroup") && r.inputs.securityGroupId === group.id)
            .map((r) => `${r.type.includes("Ingress") ? "in" : "out"} ${r.inputs.ipProtocol} ${r.inputs.fromPort}-${r.inputs.toPort} ${r.inputs.cidrIpv4}`)
            .sort();
        assert.deepStrictEqual(rules, [
            "in tcp 80-80 10.20.9.10/32",
            "out tcp 1024-1064 10.0.1.10/32",
            "out tcp 443-443 10.0.1.0/24",
            "out tcp 443-443 10.0.1.10/32",
        ]);
    });

    it("launches the hardened instance from the pinned AMI, in the agents' group only", () => {
        const i = recorder.named("dsync-ec2-1-instance");
        assert.deepStrictEqual(i.inputs, {
            ami: AMI.basic,
            instanceType: "m5.2xlarge",
            subnetId: SRC.subnetA,
            vpcSecurityGroupIds: [recorder.named("dsync-agents-sg").id],
            associatePublicIpAddress: false,
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required" },
            rootBlockDevice: { encrypted: true, volumeSize: 80, volumeType: "gp3" },
            tags: { DataSyncAgent: "ec2-1", Name: "dsync-ec2-1" },
        });
    });

    it("looks up each side through its own provider, in its own account", () => {
        const identities = recorder.invokes
            .filter((x) => x.token === "aws:index/getCallerIdentity:getCallerIdentity")
            .map((x) => `${x.provider} ${x.at.account}`);
        assert.deepStrictEqual(identities.sort(), [`dsync-destination ${ACCOUNT}`, `dsync-source ${SOURCE_ACCOUNT}`]);
        const typeLookups = recorder.invokes.filter((x) => x.token === "aws:ec2/getInstanceType:getInstanceType").map((x) => x.provider);
        assert.deepStrictEqual(typeLookups, ["dsync-source"]);
        void REGION;
    });
});
