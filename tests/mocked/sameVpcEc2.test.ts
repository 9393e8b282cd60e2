// EC2 agents launched in the endpoint's own VPC, with no link: the endpoint's group admits the
// agents' group by its plain ID (a reference within one VPC needs no account prefix, Amazon VPC
// User Guide "Security group rules": "the ID of a security group ... in the same VPC"), the agents'
// group lets in port 80 from the activation source only and lets out exactly the endpoint and task
// flows (the AWS provider revokes AWS's default allow-all egress: TF vpc_security_group.go create).
// Enhanced agents launch from the v3 AMI parameter on an m6a.2xlarge (AWS deploy-agents page; TF's
// own DataSync tests use m6a.2xlarge for it) and have no support channel.
import * as assert from "assert";
import { ACCOUNT, AMI, AMI_PARAMETER, DST, F, REGION, T } from "../fixtures/aws";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { PrivateAgentArgs } from "../../provider/src/args/privateAgent";
import { built, recorder, refusal, resolve } from "./harness";
import { defaultWorld, MockWorld } from "./world";

/** A third subnet of the endpoint's VPC, where the agents run. */
const AGENT_SUBNET = "subnet-0d5700000000000c3";
const ACTIVATION_SOURCE = "10.0.9.10/32";
/** What the mock hands the instance in 10.0.3.0/24, and the endpoint in 10.0.1.0/24. */
const AGENT_IP = "10.0.3.15";
const ENDPOINT_IP = "10.0.1.10";

function world(): MockWorld {
    const w = defaultWorld();
    w.subnets[AGENT_SUBNET] = { vpcId: DST.vpc, availabilityZone: `${REGION}c`, cidrBlock: "10.0.3.0/24", availableIpAddressCount: 250 };
    return w;
}

function args(extra: Partial<PrivateAgentArgs> = {}): PrivateAgentArgs {
    return {
        vpcId: DST.vpc,
        endpointSubnetIds: [DST.subnetA],
        agents: [{ name: "ec2-1", instance: { subnetId: AGENT_SUBNET } }],
        activationSourceCidrs: [ACTIVATION_SOURCE],
        ...extra,
    };
}

async function deploy(extra: Partial<PrivateAgentArgs> = {}): Promise<PrivateAgent> {
    recorder.reset(world());
    const fleet = new PrivateAgent("dsync", args(extra));
    await built(fleet, fleet.agentArns, fleet.firewallRules);
    return fleet;
}

/** "<in|out> <protocol> <from>-<to> <peer>" of every rule on a group. */
function rulesOf(groupId: string | undefined): string[] {
    return recorder.resources
        .filter((r) => (r.type === T.ingressRule || r.type === T.egressRule) && r.inputs.securityGroupId === groupId)
        .map(
            (r) =>
                `${r.type === T.ingressRule ? "in" : "out"} ${r.inputs.ipProtocol} ${r.inputs.fromPort}-${r.inputs.toPort} ${r.inputs.cidrIpv4 ?? r.inputs.referencedSecurityGroupId}`,
        )
        .sort();
}

describe("PrivateAgent: EC2 agent in the endpoint's VPC, no link", () => {
    describe("basic mode", () => {
        let fleet: PrivateAgent;
        before(async () => {
            fleet = await deploy();
        });

        it("creates exactly the two groups, their rules, the endpoint, the instance, the activation and the agent; no link, no provider", () => {
            assert.deepStrictEqual(
                recorder.inventory(),
                [
                    `${T.datasyncAgent} dsync-ec2-1-agent`,
                    `${T.securityGroup} dsync-agents-sg`,
                    `${T.securityGroup} dsync-sg`,
                    `${T.instance} dsync-ec2-1-instance`,
                    `${T.vpcEndpoint} dsync-endpoint`,
                    `${T.egressRule} dsync-agents-out-endpoint-1024-1064`,
                    `${T.egressRule} dsync-agents-out-endpoint-443`,
                    `${T.egressRule} dsync-agents-out-tasks0-443`,
                    `${T.ingressRule} dsync-agents-in-activation0-80`,
                    `${T.ingressRule} dsync-in-agents-1024-1064`,
                    `${T.ingressRule} dsync-in-agents-443`,
                    `${T.localCommand} dsync-ec2-1-activation`,
                    "datasync-privatelink:index:Agent dsync-ec2-1",
                    "datasync-privatelink:index:PrivateAgent dsync",
                    "datasync-privatelink:index:ServiceEndpoint dsync",
                ].sort(),
            );
        });

        it("puts everything in the stack's own account and Region, with no provider and no region argument", () => {
            for (const r of recorder.resources.filter((x) => x.type.startsWith("aws:"))) {
                assert.deepStrictEqual([r.name, r.at, r.provider, "region" in r.inputs], [r.name, { account: ACCOUNT, region: REGION }, undefined, false]);
            }
        });

        it("admits the agents' group into the endpoint's group by its plain ID, on 443 and 1024-1064 only", () => {
            const agents = recorder.named("dsync-agents-sg").id;
            const endpointGroup = recorder.named("dsync-sg").id;
            assert.deepStrictEqual(recorder.named("dsync-in-agents-443").inputs, {
                securityGroupId: endpointGroup,
                referencedSecurityGroupId: agents,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                description: "agent to DataSync endpoint: activation and endpoint registration",
            });
            assert.deepStrictEqual(recorder.named("dsync-in-agents-1024-1064").inputs, {
                securityGroupId: endpointGroup,
                referencedSecurityGroupId: agents,
                ipProtocol: "tcp",
                fromPort: 1024,
                toPort: 1064,
                description: "agent to DataSync endpoint: control traffic",
            });
            assert.deepStrictEqual(rulesOf(endpointGroup), [`in tcp 1024-1064 ${agents}`, `in tcp 443-443 ${agents}`]);
        });

        it("gives the agents' group, in the agents' VPC, port 80 from the activation source only and egress to the endpoint IP and the activation subnet", () => {
            const group = recorder.named("dsync-agents-sg");
            assert.deepStrictEqual(group.inputs, {
                namePrefix: "dsync-agents-",
                vpcId: DST.vpc,
                description: "DataSync agent: port 80 from activation sources; out to the endpoint, task interfaces and storage",
                tags: { Name: "dsync-agents-sg" },
            });
            assert.deepStrictEqual(rulesOf(group.id), [
                `in tcp 80-80 ${ACTIVATION_SOURCE}`,
                `out tcp 1024-1064 ${ENDPOINT_IP}/32`,
                "out tcp 443-443 10.0.1.0/24",
                `out tcp 443-443 ${ENDPOINT_IP}/32`,
            ]);
            assert.deepStrictEqual(recorder.named("dsync-agents-in-activation0-80").inputs, {
                securityGroupId: group.id,
                cidrIpv4: ACTIVATION_SOURCE,
                ipProtocol: "tcp",
                fromPort: 80,
                toPort: 80,
                description: "activation key request to the agent (closes after activation)",
            });
        });

        it("launches the hardened basic instance in the agents' subnet, from the basic AMI, in the agents' group only", () => {
            assert.deepStrictEqual(recorder.named("dsync-ec2-1-instance").inputs, {
                ami: AMI.basic,
                instanceType: "m5.2xlarge",
                subnetId: AGENT_SUBNET,
                vpcSecurityGroupIds: [recorder.named("dsync-agents-sg").id],
                associatePublicIpAddress: false,
                metadataOptions: { httpEndpoint: "enabled", httpTokens: "required" },
                rootBlockDevice: { encrypted: true, volumeSize: 80, volumeType: "gp3" },
                tags: { DataSyncAgent: "ec2-1", Name: "dsync-ec2-1" },
            });
            assert.deepStrictEqual(
                recorder.invokes.filter((x) => x.token === F.getParameter).map((x) => x.args),
                [{ name: AMI_PARAMETER.basic }],
            );
        });

        it("activates the instance's own address against the endpoint IP in the activation subnet", async () => {
            assert.strictEqual(recorder.named("dsync-ec2-1-activation").inputs.environment.AGENT_ADDRESS, AGENT_IP);
            assert.strictEqual(recorder.named("dsync-ec2-1-activation").inputs.environment.PRIVATE_LINK_ENDPOINT, ENDPOINT_IP);
            assert.strictEqual(await resolve(fleet.endpointPrivateIp), ENDPOINT_IP);
        });

        it("reports the flows the agents' group allows, and nothing on port 22", async () => {
            assert.deepStrictEqual(await resolve(fleet.firewallRules), [
                {
                    from: ACTIVATION_SOURCE,
                    to: AGENT_IP,
                    protocol: "tcp",
                    ports: "80",
                    purpose: "activation key request to the agent (closes after activation)",
                },
                { from: AGENT_IP, to: ENDPOINT_IP, protocol: "tcp", ports: "443", purpose: "agent to DataSync endpoint: activation and endpoint registration" },
                { from: AGENT_IP, to: ENDPOINT_IP, protocol: "tcp", ports: "1024-1064", purpose: "agent to DataSync endpoint: control traffic" },
                { from: AGENT_IP, to: "10.0.1.0/24", protocol: "tcp", ports: "443", purpose: "agent to task network interfaces: data transfer" },
            ]);
        });
    });

    it("a second EC2 agent in the VPC shares the agents' group: one more instance, activation and agent, no rule", async () => {
        await deploy({
            agents: [
                { name: "ec2-1", instance: { subnetId: AGENT_SUBNET } },
                { name: "ec2-2", instance: { subnetId: AGENT_SUBNET } },
            ],
        });
        const rules = recorder.resources
            .filter((r) => r.type === T.ingressRule || r.type === T.egressRule)
            .map((r) => r.name)
            .sort();
        assert.deepStrictEqual(rules, [
            "dsync-agents-in-activation0-80",
            "dsync-agents-out-endpoint-1024-1064",
            "dsync-agents-out-endpoint-443",
            "dsync-agents-out-tasks0-443",
            "dsync-in-agents-1024-1064",
            "dsync-in-agents-443",
        ]);
        assert.deepStrictEqual(
            recorder.ofType(T.instance).map((r) => [r.name, r.inputs.vpcSecurityGroupIds]),
            [
                ["dsync-ec2-1-instance", [recorder.named("dsync-agents-sg").id]],
                ["dsync-ec2-2-instance", [recorder.named("dsync-agents-sg").id]],
            ],
        );
        assert.deepStrictEqual(
            recorder.ofType(T.datasyncAgent).map((r) => r.name),
            ["dsync-ec2-1-agent", "dsync-ec2-2-agent"],
        );
    });

    it("lets the agents out to task interfaces elsewhere, their storage and custom DNS servers, exactly as listed (F7)", async () => {
        const fleet = await deploy({
            taskInterfaceCidrs: ["10.0.1.0/24", "10.0.64.0/20"],
            storageEgress: [
                { cidrBlock: "10.0.5.10", fromPort: 2049 },
                { cidrBlock: "10.0.5.0/24", protocol: "udp", fromPort: 111, toPort: 111 },
            ],
            dnsServers: ["10.0.0.53"],
        });
        const group = recorder.named("dsync-agents-sg").id;
        assert.deepStrictEqual(rulesOf(group), [
            "in tcp 80-80 10.0.9.10/32",
            `out tcp 1024-1064 ${ENDPOINT_IP}/32`,
            "out tcp 2049-2049 10.0.5.10/32",
            "out tcp 443-443 10.0.1.0/24",
            `out tcp 443-443 ${ENDPOINT_IP}/32`,
            "out tcp 443-443 10.0.64.0/20",
            "out tcp 53-53 10.0.0.53/32",
            "out udp 111-111 10.0.5.0/24",
            "out udp 53-53 10.0.0.53/32",
        ]);
        assert.deepStrictEqual(
            recorder.resources
                .filter((r) => r.type === T.egressRule && r.inputs.securityGroupId === group)
                .map((r) => r.name)
                .sort(),
            [
                "dsync-agents-out-dns0-tcp53",
                "dsync-agents-out-dns0-udp53",
                "dsync-agents-out-endpoint-1024-1064",
                "dsync-agents-out-endpoint-443",
                "dsync-agents-out-storage0-tcp2049",
                "dsync-agents-out-storage1-udp111",
                "dsync-agents-out-tasks0-443",
                "dsync-agents-out-tasks1-443",
            ],
        );
        const rows = (await resolve(fleet.firewallRules)).filter((r) => r.from === AGENT_IP).map((r) => `${r.protocol} ${r.ports} ${r.to}`);
        assert.deepStrictEqual(rows, [
            `tcp 443 ${ENDPOINT_IP}`,
            `tcp 1024-1064 ${ENDPOINT_IP}`,
            "tcp 443 10.0.1.0/24",
            "tcp 443 10.0.64.0/20",
            "tcp 2049 10.0.5.10",
            "udp 111 10.0.5.0/24",
            "udp 53 10.0.0.53",
            "tcp 53 10.0.0.53",
        ]);
    });

    it("enhanced mode: the v3 AMI parameter and an m6a.2xlarge, checked as offered in the subnet's zone", async () => {
        await deploy({ agentMode: "enhanced" });
        const i = recorder.named("dsync-ec2-1-instance").inputs;
        assert.deepStrictEqual([i.ami, i.instanceType], [AMI.enhanced, "m6a.2xlarge"]);
        assert.deepStrictEqual(
            recorder.invokes.filter((x) => x.token === F.getParameter).map((x) => x.args),
            [{ name: AMI_PARAMETER.enhanced }],
        );
        assert.deepStrictEqual(
            recorder.invokes.filter((x) => x.token === F.getInstanceType).map((x) => x.args),
            [{ instanceType: "m6a.2xlarge" }],
        );
        assert.deepStrictEqual(
            recorder.invokes.filter((x) => x.token === F.getInstanceTypeOfferings).map((x) => x.args),
            [
                {
                    locationType: "availability-zone",
                    filters: [
                        { name: "instance-type", values: ["m6a.2xlarge"] },
                        { name: "location", values: [`${REGION}c`] },
                    ],
                },
            ],
        );
    });

    it("the support channel opens 22 on both groups (endpoint in from the agents' group, agents out to the endpoint IP)", async () => {
        const fleet = await deploy({ supportChannel: true });
        const agents = recorder.named("dsync-agents-sg").id;
        assert.deepStrictEqual(recorder.named("dsync-in-agents-22").inputs, {
            securityGroupId: recorder.named("dsync-sg").id,
            referencedSecurityGroupId: agents,
            ipProtocol: "tcp",
            fromPort: 22,
            toPort: 22,
            description: "agent to DataSync endpoint: AWS Support channel (Basic mode only)",
        });
        assert.deepStrictEqual(recorder.named("dsync-agents-out-endpoint-22").inputs, {
            securityGroupId: agents,
            cidrIpv4: `${ENDPOINT_IP}/32`,
            ipProtocol: "tcp",
            fromPort: 22,
            toPort: 22,
            description: "agent to DataSync endpoint: AWS Support channel (Basic mode only)",
        });
        assert.deepStrictEqual(rulesOf(recorder.named("dsync-sg").id), [`in tcp 1024-1064 ${agents}`, `in tcp 22-22 ${agents}`, `in tcp 443-443 ${agents}`]);
        assert.ok((await resolve(fleet.firewallRules)).some((r) => r.from === AGENT_IP && r.to === ENDPOINT_IP && r.ports === "22"));
    });

    it("refuses the support channel for enhanced agents, at supportChannel, before anything is created", async () => {
        recorder.reset(world());
        const fleet = new PrivateAgent("dsync", args({ agentMode: "enhanced", supportChannel: true }));
        const e = await refusal(fleet);
        assert.deepStrictEqual(
            e.errors.map((x) => x.propertyPath),
            ["supportChannel"],
        );
        assert.match(e.errors[0].reason, /Enhanced-mode agents have no AWS Support channel/);
        assert.deepStrictEqual(recorder.inventory(), ["datasync-privatelink:index:PrivateAgent dsync"]);
    });
});
