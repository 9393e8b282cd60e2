// Refusals from what AWS reports: each case changes the mock world, and the component refuses at
// the user's property path with the reason, before any child resource exists (a side's provider,
// which the lookups themselves need, is the only resource besides the components). The facts and
// where AWS states them:
// - an interface endpoint takes one subnet per Availability Zone, in its own VPC, in zones the
//   service is offered in (EC2 CreateVpcEndpoint; DescribeVpcEndpointServices AvailabilityZones, which
//   also tells whether a Region has the -fips service: TF "couldn't find resource" otherwise);
// - a new endpoint needs a free address in each subnet (its network interface); its own interface
//   already holds one on a later deployment (review F4);
// - an adopted endpoint must serve DataSync in this Region and VPC, be available, have an interface in
//   the activation subnet (the key is bound to that address), and its group must be the one the
//   agents' rules go to (F6); private DNS on is only a warning (AWS "Choosing a service endpoint": the
//   setting matters to agents that use a public endpoint; F10);
// - keys are minted for the endpoint's Region (CreateAgent refuses another Region's key);
// - each side's credentials resolve to the account the inputs name (STS GetCallerIdentity; F9);
// - a VPC's secondary CIDRs count in every overlap (DescribeVpcs CidrBlockAssociationSet);
// - the endpoint's replies leave by the activation subnet's route table, explicit or the VPC's main
//   table (TF vpc_route_table_data_source.go has no main-table fallback, "no matching Route Table
//   found"), so it must get the routes (F16);
// - the DataSync AMI is x86_64 and the agent needs 32 GiB (DataSync agent requirements), offered in
//   the subnet's zone (TF's tests use AvailableEC2InstanceTypeForAvailabilityZone; F13);
// - Region codes exist (EC2 DescribeRegions).
import * as assert from "assert";
import { ACCOUNT, DST, F, OTHER_REGION, OUTSIDE_ACCOUNT, REGION, SOURCE_ACCOUNT, SRC, T } from "../fixtures/aws";
import { LinkSettings } from "../../provider/src/args/link";
import { PrivateAgentArgs } from "../../provider/src/args/privateAgent";
import { Agent } from "../../provider/src/components/agent";
import { NetworkLink } from "../../provider/src/components/networkLink";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { ServiceEndpoint } from "../../provider/src/components/serviceEndpoint";
import { built, recorder, refusal } from "./harness";
import { defaultWorld, MockEndpoint, MockWorld } from "./world";

const SERVICE = `com.amazonaws.${REGION}.datasync`;
const ADOPTED = "vpce-0ad0000000000000a";
const ADOPTED_SG = "sg-0ad0000000000000a";
const OTHER_SG = "sg-0ad0000000000000b";
const DST_SUBNET_A2 = "subnet-0d57000000000000a";
const OTHER_VPC_SUBNET = "subnet-05c000000000000b2";
/** A subnet of a third VPC whose range lies within the link's source range. */
const THIRD_VPC = "vpc-0f0000000000000a1";
const THIRD_VPC_SUBNET = "subnet-0f0000000000000a1";
const EXISTING: LinkSettings = { mode: "existing", sourceCidrBlocks: ["10.20.0.0/16"], destinationCidrBlocks: ["10.0.0.0/16"] };
const PEERING: LinkSettings = {
    mode: "peering",
    sourceVpcId: SRC.vpc,
    sourceCidrBlocks: ["10.20.0.0/16"],
    destinationCidrBlocks: ["10.0.0.0/16"],
    sourceRouteTableIds: [SRC.routeTable],
    destinationRouteTableIds: [DST.routeTable],
};

type Refusal = { message: string; errors: { propertyPath: string; reason: string }[] };

function base(extra: Partial<PrivateAgentArgs> = {}): PrivateAgentArgs {
    return { vpcId: DST.vpc, endpointSubnetIds: [DST.subnetA], agents: [{ name: "vm1", address: "10.20.1.5" }], ...extra };
}

function ec2(instance: Record<string, unknown>, extra: Partial<PrivateAgentArgs> = {}): PrivateAgentArgs {
    return base({ agents: [{ name: "ec2", instance: { subnetId: DST.subnetB, ...instance } }], activationSourceCidrs: ["10.0.9.10/32"], ...extra });
}

function adoptedEndpoint(e: Partial<MockEndpoint> = {}): MockEndpoint {
    return {
        vpcId: DST.vpc,
        serviceName: SERVICE,
        privateDnsEnabled: false,
        state: "available",
        securityGroupIds: [ADOPTED_SG],
        interfaces: [{ id: "eni-0ad0000000000000a", subnetId: DST.subnetA, privateIp: "10.0.1.50" }],
        ...e,
    };
}

function withAdopted(e: Partial<MockEndpoint> = {}): (w: MockWorld) => void {
    return (w) => {
        w.endpoints[ADOPTED] = adoptedEndpoint(e);
        w.securityGroups[ADOPTED_SG] = { vpcId: DST.vpc };
        w.securityGroups[OTHER_SG] = { vpcId: DST.vpc };
    };
}

function world(change?: (w: MockWorld) => void): MockWorld {
    const w = defaultWorld();
    w.subnets[DST_SUBNET_A2] = { vpcId: DST.vpc, availabilityZone: `${REGION}a`, cidrBlock: "10.0.4.0/24", availableIpAddressCount: 250 };
    w.subnets[OTHER_VPC_SUBNET] = { vpcId: SRC.vpc, availabilityZone: `${REGION}b`, cidrBlock: "10.20.2.0/24", availableIpAddressCount: 250 };
    w.subnets[THIRD_VPC_SUBNET] = { vpcId: THIRD_VPC, availabilityZone: `${REGION}b`, cidrBlock: "10.20.9.0/24", availableIpAddressCount: 250 };
    change?.(w);
    return w;
}

/** Children that are neither components nor the side providers the lookups need. */
function children(): string[] {
    return recorder.resources.filter((r) => !r.type.startsWith("datasync-privatelink:") && r.type !== T.provider).map((r) => r.name);
}

async function refuse(args: PrivateAgentArgs, change?: (w: MockWorld) => void): Promise<Refusal> {
    recorder.reset(world(change));
    const e = await refusal(new PrivateAgent("dsync", args));
    assert.deepStrictEqual(children(), [], "no child resource was registered");
    assert.match(e.message, /^PrivateAgent: \d+ invalid inputs?; nothing was created/);
    return e;
}

/** The one problem of a refusal: its path and reason. */
function only(e: Refusal): { path: string; reason: string } {
    assert.strictEqual(e.errors.length, 1, JSON.stringify(e.errors));
    return { path: e.errors[0].propertyPath, reason: e.errors[0].reason };
}

async function deploy(args: PrivateAgentArgs, change?: (w: MockWorld) => void): Promise<PrivateAgent> {
    recorder.reset(world(change));
    const fleet = new PrivateAgent("dsync", args);
    await built(fleet, fleet.agentArns, fleet.firewallRules);
    return fleet;
}

describe("deployment checks against what AWS reports", () => {
    describe("the endpoint's subnets and service", () => {
        it("refuses a subnet of another VPC", async () => {
            const p = only(await refuse(base({ endpointSubnetIds: [DST.subnetA, OTHER_VPC_SUBNET] })));
            assert.strictEqual(p.path, "endpointSubnetIds[1]");
            assert.match(p.reason, new RegExp(`is in ${SRC.vpc}, not in the endpoint's VPC ${DST.vpc}`));
        });

        it("refuses two endpoint subnets in one Availability Zone", async () => {
            const p = only(await refuse(base({ endpointSubnetIds: [DST.subnetA, DST_SUBNET_A2] })));
            assert.strictEqual(p.path, "endpointSubnetIds[1]");
            assert.match(p.reason, new RegExp(`is the second endpoint subnet in ${REGION}a \\(with endpointSubnetIds\\[0\\]\\)`));
        });

        it("refuses a subnet in a zone where the DataSync endpoint service is not offered", async () => {
            const p = only(await refuse(base({ endpointSubnetIds: [DST.subnetA, DST.subnetB] }), (w) => (w.services[SERVICE] = [`${REGION}a`, `${REGION}c`])));
            assert.strictEqual(p.path, "endpointSubnetIds[1]");
            assert.match(p.reason, new RegExp(`is in ${REGION}b, where ${SERVICE} is not offered`));
        });

        it("refuses FIPS in a Region without a datasync-fips service, at fips", async () => {
            const p = only(await refuse(base({ fips: true })));
            assert.strictEqual(p.path, "fips");
            assert.match(p.reason, new RegExp(`com\\.amazonaws\\.${REGION}\\.datasync-fips does not exist in this Region`));
        });

        it("accepts FIPS where AWS offers the service, and activates for it", async () => {
            await deploy(base({ destination: { region: OTHER_REGION }, fips: true }), (w) => (w.subnets[DST.subnetA].availabilityZone = `${OTHER_REGION}a`));
            assert.strictEqual(recorder.named("dsync-endpoint").inputs.serviceName, `com.amazonaws.${OTHER_REGION}.datasync-fips`);
            assert.strictEqual(recorder.named("dsync-vm1-activation").inputs.environment.ENDPOINT_TYPE, "FIPS_PRIVATE_LINK");
        });

        it("refuses an endpoint subnet without a free address when the endpoint is new", async () => {
            const p = only(await refuse(base({ endpointSubnetIds: [DST.subnetA, DST.subnetB] }), (w) => (w.subnets[DST.subnetB].availableIpAddressCount = 0)));
            assert.strictEqual(p.path, "endpointSubnetIds[1]");
            assert.match(p.reason, /has no free IP address for the endpoint's network interface/);
        });

        it("only warns about a full activation subnet where its own endpoint already holds its address (a second deployment)", async () => {
            await deploy(base(), (w) => {
                w.subnets[DST.subnetA].availableIpAddressCount = 0;
                w.endpoints["vpce-0e5000000000000a1"] = adoptedEndpoint({ tags: { Name: "dsync-endpoint" }, securityGroupIds: [] });
            });
            assert.deepStrictEqual(
                recorder.ofType(T.vpcEndpoint).map((r) => r.name),
                ["dsync-endpoint"],
            );
            assert.deepStrictEqual(recorder.warnings, [
                `activation subnet ${DST.subnetA} will have 0 free IP addresses; each DataSync task needs 4 in it while it runs`,
            ]);
        });

        it("warns, without refusing, when a new endpoint leaves fewer than 4 addresses for tasks", async () => {
            await deploy(base(), (w) => (w.subnets[DST.subnetA].availableIpAddressCount = 3));
            assert.deepStrictEqual(recorder.warnings, [
                `activation subnet ${DST.subnetA} will have 2 free IP addresses; each DataSync task needs 4 in it while it runs`,
            ]);
        });
    });

    describe("an adopted endpoint (existingVpcEndpointId)", () => {
        const adopt = (extra: Partial<PrivateAgentArgs> = {}) => base({ existingVpcEndpointId: ADOPTED, ...extra });

        it("refuses an endpoint of another service", async () => {
            const p = only(await refuse(adopt(), withAdopted({ serviceName: `com.amazonaws.${REGION}.s3` })));
            assert.strictEqual(p.path, "existingVpcEndpointId");
            assert.match(p.reason, new RegExp(`serves com\\.amazonaws\\.${REGION}\\.s3, not ${SERVICE}`));
        });

        it("refuses an endpoint of another VPC", async () => {
            const p = only(await refuse(adopt(), withAdopted({ vpcId: SRC.vpc })));
            assert.strictEqual(p.path, "existingVpcEndpointId");
            assert.match(p.reason, new RegExp(`is in ${SRC.vpc}, not in the endpoint's VPC ${DST.vpc}`));
        });

        it("refuses an endpoint that is not available", async () => {
            const p = only(await refuse(adopt(), withAdopted({ state: "pending" })));
            assert.strictEqual(p.path, "existingVpcEndpointId");
            assert.match(p.reason, /is pending, not available/);
        });

        it("refuses a named group that is not attached to the endpoint (F6)", async () => {
            const p = only(await refuse(adopt({ existingSecurityGroupId: OTHER_SG }), withAdopted()));
            assert.strictEqual(p.path, "existingSecurityGroupId");
            assert.match(p.reason, new RegExp(`is not attached to ${ADOPTED} \\(its groups: ${ADOPTED_SG}\\)`));
        });

        it("refuses an endpoint with several groups when none is named", async () => {
            const p = only(await refuse(adopt(), withAdopted({ securityGroupIds: [ADOPTED_SG, OTHER_SG] })));
            assert.strictEqual(p.path, "existingSecurityGroupId");
            assert.match(p.reason, new RegExp(`${ADOPTED} has 2 security groups`));
        });

        it("refuses an endpoint without an interface in the activation subnet", async () => {
            const p = only(
                await refuse(adopt(), withAdopted({ interfaces: [{ id: "eni-0ad0000000000000b", subnetId: DST.subnetB, privateIp: "10.0.2.50" }] })),
            );
            assert.strictEqual(p.path, "existingVpcEndpointId");
            assert.match(p.reason, new RegExp(`has no network interface in the activation subnet ${DST.subnetA} \\(its subnets: ${DST.subnetB}\\)`));
        });

        it("adopts an endpoint with private DNS on, warning with AWS's reason (F10); its only group gets the rules, nothing new is made for it", async () => {
            await deploy(adopt(), withAdopted({ privateDnsEnabled: true }));
            assert.deepStrictEqual(recorder.warnings, [
                `VPC endpoint ${ADOPTED} has private DNS enabled: agents in its VPC that use a public DataSync endpoint cannot reach it while this is on; private agents are not affected`,
            ]);
            assert.deepStrictEqual([recorder.ofType(T.vpcEndpoint), recorder.ofType(T.securityGroup)], [[], []]);
            assert.deepStrictEqual(
                recorder.ofType(T.ingressRule).map((r) => [r.name, r.inputs.securityGroupId]),
                [
                    ["dsync-in-agent-vm1-443", ADOPTED_SG],
                    ["dsync-in-agent-vm1-1024-1064", ADOPTED_SG],
                ],
            );
            const agent = recorder.named("dsync-vm1-agent").inputs;
            assert.deepStrictEqual(
                [agent.vpcEndpointId, agent.securityGroupArns],
                [ADOPTED, [`arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${ADOPTED_SG}`]],
            );
            assert.strictEqual(recorder.named("dsync-vm1-activation").inputs.environment.PRIVATE_LINK_ENDPOINT, "10.0.1.50");
        });
    });

    describe("Regions and accounts", () => {
        it("refuses an activationRegion other than the destination's, once the destination's Region is known", async () => {
            const p = only(await refuse(base({ activationRegion: OTHER_REGION })));
            assert.strictEqual(p.path, "activationRegion");
            assert.match(p.reason, new RegExp(`the activation Region must be the endpoint's Region \\(${REGION}\\)`));
        });

        it("refuses a side whose credentials reach another account than its accountId", async () => {
            const e = await refuse(base({ source: { profile: "source", accountId: OUTSIDE_ACCOUNT }, link: EXISTING }));
            const p = only(e);
            assert.strictEqual(p.path, "source.accountId");
            assert.match(p.reason, new RegExp(`the source side's credentials resolve to account ${SOURCE_ACCOUNT}, not ${OUTSIDE_ACCOUNT}`));
            assert.deepStrictEqual(
                recorder.ofType(T.provider).map((r) => [r.name, r.inputs.profile]),
                [["dsync-source", "source"]],
            );
        });

        it("refuses a side without credentials of its own whose accountId is not the stack's account", async () => {
            const p = only(
                await refuse(
                    base({ source: { roleArn: `arn:aws:iam::${SOURCE_ACCOUNT}:role/src` }, destination: { accountId: ACCOUNT }, link: EXISTING }),
                    (w) => (w.defaultAccount = OUTSIDE_ACCOUNT),
                ),
            );
            assert.strictEqual(p.path, "destination.accountId");
            assert.match(p.reason, new RegExp(`the destination side's credentials resolve to account ${OUTSIDE_ACCOUNT}, not ${ACCOUNT}`));
        });

        it("accepts a side that names its account and uses the stack's credentials, when they reach that account", async () => {
            // The other side has a role; the stack's own credentials are in ACCOUNT, as the destination says.
            await deploy(base({ source: { roleArn: `arn:aws:iam::${SOURCE_ACCOUNT}:role/src` }, destination: { accountId: ACCOUNT }, link: EXISTING }));
            assert.deepStrictEqual(recorder.named("dsync-endpoint").at, { account: ACCOUNT, region: REGION });
        });

        it("refuses sides in two accounts with no link between them, found from the credentials", async () => {
            const p = only(await refuse(base({ source: { profile: "source" } })));
            assert.strictEqual(p.path, "link");
            assert.match(
                p.reason,
                new RegExp(
                    `the agents' side \\(account ${SOURCE_ACCOUNT}\\) and the endpoint's side \\(account ${ACCOUNT}\\) are different accounts, and nothing connects them`,
                ),
            );
        });

        it("refuses a Region code AWS does not have, before looking anything up there", async () => {
            const p = only(await refuse(base({ destination: { region: "eu-south-9" } })));
            assert.strictEqual(p.path, "destination.region");
            assert.match(p.reason, /no such AWS Region in this partition/);
            assert.deepStrictEqual(
                recorder.invokes.map((x) => x.token),
                ["aws:index/getRegions:getRegions"],
            );
        });
    });

    describe("address ranges looked up from the VPCs", () => {
        // A looked-up range that meets a declared one is reported at the declared range (its text
        // names the VPC it was looked up from); two looked-up ranges at the input naming the source VPC.
        const destinationSecondary = (w: MockWorld) => (w.vpcs[DST.vpc].cidrBlocks = ["10.0.0.0/16", "10.20.200.0/24"]);
        const sourceSecondary = (w: MockWorld) => (w.vpcs[SRC.vpc].cidrBlocks = ["10.20.0.0/16", "10.0.128.0/24"]);

        it('refuses the endpoint VPC\'s secondary CIDR overlapping the source ranges, in "existing" mode', async () => {
            const p = only(await refuse(base({ link: EXISTING }), destinationSecondary));
            assert.strictEqual(p.path, "link.sourceCidrBlocks[0]");
            assert.match(
                p.reason,
                new RegExp(
                    `10\\.20\\.0\\.0/16 \\(link\\.sourceCidrBlocks\\[0\\], source side\\) overlaps 10\\.20\\.200\\.0/24 \\(destination VPC ${DST.vpc} \\(looked up\\)`,
                ),
            );
        });

        it("refuses it in peering mode, against the declared range and the source VPC's own range", async () => {
            const e = await refuse(base({ link: PEERING }), destinationSecondary);
            assert.deepStrictEqual(
                e.errors.map((x) => x.propertyPath),
                ["link.sourceCidrBlocks[0]", "link.sourceVpcId"],
            );
            assert.match(
                e.errors[1].reason,
                new RegExp(
                    `10\\.20\\.0\\.0/16 \\(source VPC ${SRC.vpc} \\(looked up\\), source side\\) overlaps 10\\.20\\.200\\.0/24 \\(destination VPC ${DST.vpc} \\(looked up\\)`,
                ),
            );
        });

        it("refuses the source VPC's secondary CIDR overlapping the destination ranges, in peering mode", async () => {
            const e = await refuse(base({ link: PEERING }), sourceSecondary);
            assert.deepStrictEqual(
                e.errors.map((x) => x.propertyPath),
                ["link.destinationCidrBlocks[0]", "link.sourceVpcId"],
            );
            assert.match(
                e.errors[0].reason,
                new RegExp(
                    `10\\.0\\.0\\.0/16 \\(link\\.destinationCidrBlocks\\[0\\], destination side\\) overlaps 10\\.0\\.128\\.0/24 \\(source VPC ${SRC.vpc} \\(looked up\\)`,
                ),
            );
        });

        it("refuses both VPCs' secondary CIDRs in transitGateway mode", async () => {
            const e = await refuse(base({ link: { ...PEERING, mode: "transitGateway", transitGatewayId: DST.tgw, sourceSubnetIds: [SRC.subnetA] } }), (w) => {
                destinationSecondary(w);
                sourceSecondary(w);
            });
            assert.deepStrictEqual(e.errors.map((x) => x.propertyPath).sort(), [
                "link.destinationCidrBlocks[0]",
                "link.sourceCidrBlocks[0]",
                "link.sourceVpcId",
                "link.sourceVpcId",
            ]);
        });
    });

    describe("the activation subnet's route table (F16)", () => {
        it("refuses routes that miss the activation subnet's own table", async () => {
            const p = only(await refuse(base({ link: { ...PEERING, destinationRouteTableIds: ["rtb-0d5700000000000b2"] } })));
            assert.strictEqual(p.path, "link.destinationRouteTableIds");
            assert.match(p.reason, new RegExp(`the activation subnet ${DST.subnetA} sends its traffic by route table ${DST.routeTable}, which is not listed`));
        });

        it("finds the VPC's main table for a subnet without an explicit association", async () => {
            const p = only(
                await refuse(
                    base({ endpointSubnetIds: [DST.subnetA, DST.subnetB], activationSubnetId: DST.subnetB, link: PEERING }),
                    (w) => (w.vpcs[DST.vpc].mainRouteTableId = "rtb-0d5700000000000c3"),
                ),
            );
            assert.strictEqual(p.path, "link.destinationRouteTableIds");
            assert.match(p.reason, new RegExp(`the activation subnet ${DST.subnetB} sends its traffic by route table rtb-0d5700000000000c3`));
        });

        it('checks it in "existing" mode when routes are made', async () => {
            const p = only(
                await refuse(
                    base({ link: { ...EXISTING, destinationRouteTableIds: ["rtb-0d5700000000000b2"], existingRouteTargetId: "vgw-0a00000000000000b" } }),
                ),
            );
            assert.strictEqual(p.path, "link.destinationRouteTableIds");
        });
    });

    describe("the link's route tables and AWS's route quota (50 non-propagated routes per table)", () => {
        const held = (n: number) => Array.from({ length: n }, (_, i) => ({ cidrBlock: `172.16.${i}.0/24`, gatewayId: "vgw-0a00000000000000b" }));

        it("refuses a source table that already holds 50 routes, under its index, before anything exists", async () => {
            const p = only(await refuse(base({ link: PEERING }), (w) => (w.routeTables[SRC.routeTable] = held(50))));
            assert.strictEqual(p.path, "link.sourceRouteTableIds[0]");
            assert.match(
                p.reason,
                new RegExp(
                    `the routes in ${SRC.routeTable} \\(50 already there, 1 this link adds\\) would be 51, over AWS's quota of 50 routes per route table`,
                ),
            );
        });

        it("deploys into a table with 49 routes, and again when the link's own route is there (a second up)", async () => {
            await deploy(base({ link: PEERING }), (w) => (w.routeTables[SRC.routeTable] = held(49)));
            await deploy(
                base({ link: PEERING }),
                (w) => (w.routeTables[SRC.routeTable] = [...held(49), { cidrBlock: "10.0.0.0/16", vpcPeeringConnectionId: "pcx-0aaa000000000000a" }]),
            );
        });

        it("refuses a destination table that already routes the source range elsewhere (RouteAlreadyExists)", async () => {
            const p = only(
                await refuse(
                    base({ link: PEERING }),
                    (w) => (w.routeTables[DST.routeTable] = [{ cidrBlock: "10.20.0.0/16", gatewayId: "vgw-0a00000000000000b" }]),
                ),
            );
            assert.strictEqual(p.path, "link.destinationRouteTableIds[0]");
            assert.match(p.reason, new RegExp(`${DST.routeTable} already routes 10.20.0.0/16 to vgw-0a00000000000000b, so CreateRoute .* RouteAlreadyExists`));
        });

        it("refuses a destination route table AWS does not know, on the destination side", async () => {
            const p = only(await refuse(base({ link: { ...PEERING, destinationRouteTableIds: [DST.routeTable, "rtb-0d5700000000000f9"] } })));
            assert.strictEqual(p.path, "link.destinationRouteTableIds[1]");
            assert.match(p.reason, /: no such route table in the destination side's account and Region\. Fix: check the ID/);
        });
    });

    describe("EC2 agents' instance types and subnets", () => {
        it("refuses an arm64 type: the DataSync AMI is x86_64", async () => {
            const p = only(await refuse(ec2({ instanceType: "m6g.2xlarge" })));
            assert.strictEqual(p.path, "agents[0].instance.instanceType");
            assert.match(p.reason, /runs arm64; the DataSync agent AMI is x86_64/);
        });

        it("refuses a type with less than 32 GiB", async () => {
            const p = only(await refuse(ec2({ instanceType: "c5.2xlarge" })));
            assert.strictEqual(p.path, "agents[0].instance.instanceType");
            assert.match(p.reason, /has 16 GiB of memory; a DataSync agent needs at least 32 GiB/);
        });

        it("refuses a type not offered in the subnet's zone", async () => {
            const p = only(await refuse(ec2({ instanceType: "m5.4xlarge" }), (w) => (w.instanceTypes["m5.4xlarge"].zones = [`${REGION}a`])));
            assert.strictEqual(p.path, "agents[0].instance.instanceType");
            assert.match(p.reason, new RegExp(`is not offered in ${REGION}b, the zone of the agent's subnet`));
        });

        it("refuses EC2 agents of one fleet in two VPCs", async () => {
            const e = await refuse(
                base({
                    agents: [
                        { name: "a", instance: { subnetId: DST.subnetB } },
                        { name: "b", instance: { subnetId: OTHER_VPC_SUBNET } },
                    ],
                    activationSourceCidrs: ["10.0.9.10/32"],
                }),
            );
            const p = only(e);
            assert.strictEqual(p.path, "agents[1].instance.subnetId");
            assert.match(
                p.reason,
                new RegExp(`is in ${SRC.vpc}, but agents\\[0\\]\\.instance\\.subnetId is in ${DST.vpc}; the fleet's EC2 agents share one security group`),
            );
        });

        it("refuses an EC2 agent outside the link's source VPC", async () => {
            const p = only(await refuse(ec2({ subnetId: THIRD_VPC_SUBNET }, { link: PEERING })));
            assert.strictEqual(p.path, "agents[0].instance.subnetId");
            assert.match(p.reason, new RegExp(`is in ${THIRD_VPC}, not in the link's source VPC ${SRC.vpc}`));
        });

        it("refuses an EC2 agent whose subnet reaches outside the link's source ranges", async () => {
            const p = only(await refuse(ec2({ subnetId: SRC.subnetA }, { link: { ...PEERING, sourceCidrBlocks: ["10.20.1.0/25"] } })));
            assert.strictEqual(p.path, "agents[0].instance.subnetId");
            assert.match(p.reason, /has addresses in 10\.20\.1\.0\/24, outside every source range \(10\.20\.1\.0\/25\)/);
        });
    });

    describe("IDs AWS does not have in the side's account and Region", () => {
        // The Terraform data sources report a missing resource as "no matching <resource> found"
        // (tfresource.SingularDataSourceFindError): the user's property path belongs with it, not a bare
        // invoke failure (issue 9: errors name the user's property path).
        const MISSING = { subnet: "subnet-0d57000000000000f", vpc: "vpc-0d57000000000000f", endpoint: "vpce-0d57000000000000f", group: "sg-0d57000000000000f" };
        const rows: [string, Partial<PrivateAgentArgs>, string][] = [
            ["an endpoint subnet", { endpointSubnetIds: [DST.subnetA, MISSING.subnet] }, "endpointSubnetIds[1]"],
            ["the endpoint's VPC", { vpcId: MISSING.vpc }, "vpcId"],
            ["an endpoint to adopt", { existingVpcEndpointId: MISSING.endpoint }, "existingVpcEndpointId"],
            ["a security group to adopt", { existingSecurityGroupId: MISSING.group }, "existingSecurityGroupId"],
        ];
        for (const [what, extra, path] of rows) {
            it(`refuses ${what} that does not exist, at ${path}`, async () => {
                recorder.reset(world());
                const e = await refusal(new PrivateAgent("dsync", base(extra)));
                assert.deepStrictEqual(children(), []);
                assert.deepStrictEqual(
                    (e.errors ?? []).map((x) => x.propertyPath),
                    [path],
                    e.message,
                );
            });
        }
    });

    describe("standalone components stop every child too", () => {
        it("ServiceEndpoint: a subnet of another VPC, at subnetIds[1]", async () => {
            recorder.reset(world());
            const e = await refusal(new ServiceEndpoint("dsync", { vpcId: DST.vpc, subnetIds: [DST.subnetA, OTHER_VPC_SUBNET] }));
            assert.deepStrictEqual(
                e.errors.map((x) => x.propertyPath),
                ["subnetIds[1]"],
            );
            assert.deepStrictEqual(recorder.inventory(), ["datasync-privatelink:index:ServiceEndpoint dsync"]);
        });

        it("Agent: an arm64 instance type, at instance.instanceType", async () => {
            recorder.reset(world());
            const e = await refusal(
                new Agent("dsync", {
                    instance: { subnetId: DST.subnetB, instanceType: "m6g.2xlarge" },
                    activationSourceCidrs: ["10.0.9.10/32"],
                    vpcEndpointId: "vpce-0123456789abcdef0",
                    endpointPrivateIp: "10.0.1.10",
                    subnetArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${DST.subnetA}`,
                    securityGroupArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0123456789abcdef0`,
                }),
            );
            assert.deepStrictEqual(
                e.errors.map((x) => x.propertyPath),
                ["instance.instanceType"],
            );
            assert.deepStrictEqual(recorder.inventory(), ["datasync-privatelink:index:Agent dsync"]);
            assert.deepStrictEqual(
                recorder.invokes.filter((x) => x.token === F.getParameter),
                [],
                "not even the AMI lookup",
            );
        });

        it("NetworkLink: the source VPC's secondary CIDR, at the declared range and at sourceVpcId", async () => {
            recorder.reset(world((w) => (w.vpcs[SRC.vpc].cidrBlocks = ["10.20.0.0/16", "10.0.128.0/24"])));
            const e = await refusal(new NetworkLink("dsync", { ...PEERING, destinationVpcId: DST.vpc }));
            assert.deepStrictEqual(
                e.errors.map((x) => x.propertyPath),
                ["destinationCidrBlocks[0]", "sourceVpcId"],
            );
            assert.deepStrictEqual(recorder.inventory(), ["datasync-privatelink:index:NetworkLink dsync"]);
        });
    });
});
