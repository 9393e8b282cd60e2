// A source side that names only its Region (review F8): it keeps the stack's AWS configuration
// (profile, roles, default tags ...), so no aws.Provider is made for it - an explicit provider reads
// none of the stack's `aws:` settings (@pulumi/aws provider.d.ts: "By default, resources use
// package-wide configuration settings, however an explicit Provider instance may be created"). Every
// resource and lookup of that side names the Region itself through the `region` argument every
// @pulumi/aws v7 resource and function takes ("Defaults to the Region set in the provider
// configuration", e.g. ec2/securityGroup.d.ts, ec2/getSubnet.d.ts). The destination, with no
// settings, passes no `region` at all.
import * as assert from "assert";
import { ACCOUNT, AMI, AMI_PARAMETER, DST, F, OTHER_REGION, REGION, SRC, T } from "../fixtures/aws";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { built, recorder } from "./harness";
import { defaultWorld } from "./world";

/** Resources that belong to the source side of this scenario. */
const SOURCE_SIDE = [
    "dsync-peering",
    "dsync-src-rt0-r0",
    "dsync-agents-sg",
    "dsync-agents-in-activation0-80",
    "dsync-agents-out-endpoint-443",
    "dsync-agents-out-endpoint-1024-1064",
    "dsync-agents-out-tasks0-443",
    "dsync-ec2-1-instance",
];
const DESTINATION_SIDE = [
    "dsync-peering-accepter",
    "dsync-dst-rt0-r0",
    "dsync-sg",
    "dsync-in-agent-ec2-1-443",
    "dsync-in-agent-ec2-1-1024-1064",
    "dsync-endpoint",
    "dsync-ec2-1-agent",
];

describe("PrivateAgent: a source side with only a Region (F8)", () => {
    let fleet: PrivateAgent;
    before(async () => {
        const w = defaultWorld();
        // The source VPC lives in the other Region.
        w.subnets[SRC.subnetA] = { ...w.subnets[SRC.subnetA], availabilityZone: `${OTHER_REGION}a` };
        recorder.reset(w);
        fleet = new PrivateAgent("dsync", {
            source: { region: OTHER_REGION },
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
        await built(fleet, fleet.agentArns, fleet.firewallRules, fleet.peeringConnectionId);
    });

    it("creates no aws.Provider and uses no explicit provider anywhere", () => {
        assert.deepStrictEqual(recorder.ofType(T.provider), []);
        assert.deepStrictEqual(
            recorder.resources.filter((r) => r.provider !== undefined).map((r) => r.name),
            [],
        );
        assert.deepStrictEqual(
            recorder.invokes.filter((x) => x.provider !== undefined).map((x) => x.token),
            [],
        );
    });

    it("creates exactly the source and destination resources of a cross-Region peering with an EC2 agent", () => {
        const made = recorder.resources.filter((r) => r.type.startsWith("aws:") || r.type.startsWith("command:")).map((r) => r.name);
        assert.deepStrictEqual(made.sort(), [...SOURCE_SIDE, ...DESTINATION_SIDE, "dsync-ec2-1-activation"].sort());
    });

    it("gives every source resource region us-east-1, and it lands in the stack's account there", () => {
        for (const name of SOURCE_SIDE) {
            const r = recorder.named(name);
            assert.deepStrictEqual([name, r.inputs.region, r.at], [name, OTHER_REGION, { account: ACCOUNT, region: OTHER_REGION }]);
        }
    });

    it("gives no destination resource a region argument; they land in the stack's Region", () => {
        for (const name of DESTINATION_SIDE) {
            const r = recorder.named(name);
            assert.deepStrictEqual([name, "region" in r.inputs, r.at], [name, false, { account: ACCOUNT, region: REGION }]);
        }
    });

    it("requests the peering from us-east-1 naming the endpoint's Region and account; the accepter has no region", () => {
        assert.deepStrictEqual(recorder.named("dsync-peering").inputs, {
            region: OTHER_REGION,
            vpcId: SRC.vpc,
            peerVpcId: DST.vpc,
            peerOwnerId: ACCOUNT,
            peerRegion: REGION,
        });
        assert.deepStrictEqual(recorder.named("dsync-peering-accepter").inputs, {
            vpcPeeringConnectionId: recorder.named("dsync-peering").id,
            autoAccept: true,
        });
    });

    it("launches the instance in us-east-1 from the AMI looked up there", () => {
        const i = recorder.named("dsync-ec2-1-instance").inputs;
        assert.deepStrictEqual([i.region, i.ami, i.subnetId], [OTHER_REGION, AMI.basic, SRC.subnetA]);
        assert.deepStrictEqual(
            recorder.invokes.filter((x) => x.token === F.getParameter).map((x) => [x.args, x.at]),
            [
                [
                    { name: AMI_PARAMETER.basic, region: OTHER_REGION },
                    { account: ACCOUNT, region: OTHER_REGION },
                ],
            ],
        );
    });

    it("makes every source lookup in us-east-1 through the region argument, and every destination lookup without one", () => {
        const regional = recorder.invokes.filter((x) => x.token !== F.getCallerIdentity && x.token !== "aws:index/getRegions:getRegions");
        const sourceLookups = regional
            .filter((x) => x.args.region !== undefined)
            .map((x) => `${x.token} ${x.args.id ?? x.args.routeTableId ?? x.args.instanceType ?? x.args.name ?? ""} ${x.at.region}`);
        assert.deepStrictEqual(
            sourceLookups.sort(),
            [
                `${F.getInstanceTypeOfferings}  ${OTHER_REGION}`,
                `${F.getInstanceType} m5.2xlarge ${OTHER_REGION}`,
                `${F.getParameter} ${AMI_PARAMETER.basic} ${OTHER_REGION}`,
                `${F.getRegion}  ${OTHER_REGION}`,
                `${F.getRouteTable} ${SRC.routeTable} ${OTHER_REGION}`,
                `${F.getSubnet} ${SRC.subnetA} ${OTHER_REGION}`,
                `${F.getVpc} ${SRC.vpc} ${OTHER_REGION}`,
            ].sort(),
        );
        assert.ok(regional.filter((x) => x.args.region === undefined).every((x) => x.at.region === REGION));
        // The instance type is checked in the zone of the agent's subnet, in the source Region.
        const offerings = recorder.invokes.find((x) => x.token === F.getInstanceTypeOfferings)!;
        assert.deepStrictEqual(offerings.args.filters[1], { name: "location", values: [`${OTHER_REGION}a`] });
    });

    it("admits the agent by its address, not its group: a group reference does not cross Regions", () => {
        // Amazon VPC peering guide: "You can't reference the security group of a peer VPC that's in a different Region."
        assert.deepStrictEqual(recorder.named("dsync-in-agent-ec2-1-443").inputs, {
            securityGroupId: recorder.named("dsync-sg").id,
            cidrIpv4: "10.20.1.15/32",
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            description: "agent to DataSync endpoint: activation and endpoint registration",
        });
    });

    it("activates for the endpoint's Region", () => {
        assert.strictEqual(recorder.named("dsync-ec2-1-activation").inputs.environment.ACTIVATION_REGION, REGION);
    });

    describe("a destination with only a Region", () => {
        before(async () => {
            const w = defaultWorld();
            w.subnets[DST.subnetA] = { ...w.subnets[DST.subnetA], availabilityZone: `${OTHER_REGION}a` };
            recorder.reset(w);
            const fleet = new PrivateAgent("dsync", {
                destination: { region: OTHER_REGION },
                vpcId: DST.vpc,
                endpointSubnetIds: [DST.subnetA],
                agents: [{ name: "vm", address: "10.20.1.5" }],
            });
            await built(fleet, fleet.agentArns);
        });

        it("creates no provider; every destination resource names the Region, and the endpoint serves that Region", () => {
            assert.deepStrictEqual(recorder.ofType(T.provider), []);
            const made = recorder.resources.filter((r) => r.type.startsWith("aws:"));
            assert.deepStrictEqual(made.map((r) => r.name).sort(), [
                "dsync-endpoint",
                "dsync-in-agent-vm-1024-1064",
                "dsync-in-agent-vm-443",
                "dsync-sg",
                "dsync-vm-agent",
            ]);
            for (const r of made) {
                assert.deepStrictEqual([r.name, r.inputs.region, r.at], [r.name, OTHER_REGION, { account: ACCOUNT, region: OTHER_REGION }]);
            }
            assert.strictEqual(recorder.named("dsync-endpoint").inputs.serviceName, `com.amazonaws.${OTHER_REGION}.datasync`);
        });

        it("activates for that Region", () => {
            assert.strictEqual(recorder.named("dsync-vm-activation").inputs.environment.ACTIVATION_REGION, OTHER_REGION);
        });
    });
});
