// The AWS double's interface endpoints, through the engine.
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { DST, REGION } from "../../fixtures/aws";
import { Lab, reasonsOf, recordsOf, refusals, steps } from "./lab";
import { labWorld, providers, W } from "./world";

const DATASYNC = `com.amazonaws.${REGION}.datasync`;
const iface = { vpcEndpointType: "Interface", serviceName: DATASYNC, privateDnsEnabled: false };

describe("AWS double through the engine: interface endpoints", function () {
    this.timeout(300_000);
    let lab: Lab;

    before(() => {
        lab = new Lab(labWorld());
    });
    after(() => lab?.close());

    it("Check: vpcId required, serviceName conflicts with the other targets, vpcEndpointType enumerated", async () => {
        const runs = await lab.previewEach("ep-schema", {
            // null gets past the SDK's own required-argument check (it tests for undefined) and reaches Check.
            "no-vpc": () => new aws.ec2.VpcEndpoint("no-vpc", { ...iface, vpcId: null as unknown as string }),
            conflict: () =>
                new aws.ec2.VpcEndpoint("conflict", {
                    ...iface,
                    vpcId: DST.vpc,
                    serviceNetworkArn: "arn:aws:vpc-lattice:eu-west-2:111111111111:servicenetwork/sn-0",
                }),
            "bad-type": () => new aws.ec2.VpcEndpoint("bad-type", { ...iface, vpcId: DST.vpc, vpcEndpointType: "Tunnel" }),
        });
        const reasons = reasonsOf(runs);
        assert.match(reasons("no-vpc"), /Missing required argument: The argument "vpc_id" is required/);
        assert.match(reasons("conflict"), /"service_name": conflicts with service_network_arn/);
        assert.match(reasons("bad-type"), /expected vpc_endpoint_type to be one of .*got Tunnel/);
    });

    it("create: refuses VPCs, subnets and groups it cannot see or that do not fit, services not offered, quotas", async () => {
        const r = await lab.up("ep-service", () => {
            const p = providers();
            new aws.ec2.VpcEndpoint("other-account", { ...iface, vpcId: DST.vpc, subnetIds: [DST.subnetA] }, { provider: p.source });
            new aws.ec2.VpcEndpoint("no-service", { ...iface, vpcId: DST.vpc, subnetIds: [DST.subnetA], serviceName: `com.amazonaws.${REGION}.nothing` });
            // The us-east-1 service name does not exist in eu-west-2.
            new aws.ec2.VpcEndpoint("other-region-service", {
                ...iface,
                vpcId: DST.vpc,
                subnetIds: [DST.subnetA],
                serviceName: "com.amazonaws.us-east-1.datasync",
            });
            new aws.ec2.VpcEndpoint("same-zone", { ...iface, vpcId: DST.vpc, subnetIds: [DST.subnetA, W.subnetA2] });
            new aws.ec2.VpcEndpoint("foreign-subnet", { ...iface, vpcId: DST.vpc, subnetIds: [W.subnet2] });
            new aws.ec2.VpcEndpoint("zone-not-offered", { ...iface, vpcId: DST.vpc, subnetIds: [DST.subnetB], serviceName: W.oneZoneService });
            new aws.ec2.VpcEndpoint("foreign-group", { ...iface, vpcId: DST.vpc, subnetIds: [DST.subnetA], securityGroupIds: [W.group2] });
            const six = Array.from({ length: 6 }, (_, n) => new aws.ec2.SecurityGroup(`six-${n}`, { vpcId: DST.vpc, name: `six-${n}` }).id);
            new aws.ec2.VpcEndpoint("six-groups", { ...iface, vpcId: DST.vpc, subnetIds: [DST.subnetA], securityGroupIds: six });
            new aws.ec2.VpcEndpoint("full-subnet", { ...iface, vpcId: DST.vpc, subnetIds: [W.subnetFull] });
            new aws.ec2.VpcEndpoint("fifty-first", { ...iface, vpcId: W.vpcCrowded, subnetIds: [W.subnetCrowded] });
            new aws.ec2.VpcEndpoint("pinned-outside", {
                ...iface,
                vpcId: DST.vpc,
                subnetIds: [DST.subnetA],
                subnetConfigurations: [{ subnetId: DST.subnetA, ipv4: "10.0.2.50" }],
            });
        });
        const refused = refusals(r);
        const is = (name: string, re: RegExp) => assert.match(refused.get(name) ?? `(${name} was not refused)`, re);
        is("other-account", /creating EC2 VPC Endpoint \(other-account\): operation error EC2: CreateVpcEndpoint, api error InvalidVpcID\.NotFound/);
        is("no-service", /InvalidServiceName: The Vpc Endpoint Service 'com\.amazonaws\.eu-west-2\.nothing' does not exist/);
        is("other-region-service", /InvalidServiceName/);
        is("same-zone", /DuplicateSubnetsInSameZone/);
        is("foreign-subnet", /InvalidParameter: The subnet ID 'subnet-0d5700000000000c1' does not belong to the VPC/);
        is("zone-not-offered", /does not support the availability zone of the subnet: subnet-0d5700000000000b2/);
        is("foreign-group", /InvalidParameter: Security group sg-0d570000000000a02 and the VPC vpc-0d5700000000000a1 belong to different networks/);
        is(
            "six-groups",
            /SecurityGroupsPerInterfaceLimitExceeded: .*\(quota: Security groups per network interface = 5, L-2AFB9258; 0 in use on each endpoint network interface\)/,
        );
        is("full-subnet", /InsufficientFreeAddressesInSubnet/);
        is("fifty-first", /\(quota: Interface and Gateway Load Balancer endpoints per VPC = 50, L-29B6F2EB; 50 in use in vpc-0d570000000000c00\)/);
        is("pinned-outside", /InvalidParameterValue: Address 10\.0\.2\.50 does not fall within the subnet's address range/);
    });

    it("answers: one interface per subnet with an address of it, subnetConfigurations, the default Gateway type; interfaces and tasks use subnet addresses", async () => {
        const r = await lab.up("ep-answers", () => {
            const g = new aws.ec2.SecurityGroup("ep-sg", { vpcId: DST.vpc, name: "ep-sg" });
            const e = new aws.ec2.VpcEndpoint("ep", {
                ...iface,
                vpcId: DST.vpc,
                subnetIds: [DST.subnetA, DST.subnetB],
                securityGroupIds: [g.id],
                subnetConfigurations: [{ subnetId: DST.subnetB, ipv4: "10.0.2.77" }],
            });
            const gw = new aws.ec2.VpcEndpoint("gw", { vpcId: DST.vpc, serviceName: DATASYNC });
            const tasks = aws.ec2.getSubnetOutput({ id: W.subnetTasks });
            const a = aws.ec2.getSubnetOutput({ id: DST.subnetA }, { dependsOn: [e] });
            return {
                enis: e.networkInterfaceIds,
                configs: e.subnetConfigurations,
                state: e.state,
                gwType: gw.vpcEndpointType,
                freeA: a.availableIpAddressCount,
                freeTasks: tasks.availableIpAddressCount,
            };
        });
        assert.ok(r.ok, r.text);
        const o = await lab.outputs("ep-answers");
        assert.strictEqual(o.enis.length, 2);
        const bySubnet = Object.fromEntries(o.configs.map((c: any) => [c.subnetId, c.ipv4]));
        assert.deepStrictEqual(bySubnet, { [DST.subnetA]: "10.0.1.4", [DST.subnetB]: "10.0.2.77" });
        assert.strictEqual(o.state, "available");
        assert.strictEqual(o.gwType, "Gateway");
        assert.strictEqual(o.freeA, 251 - 1, "the endpoint's interface takes one of the /24's 251 usable addresses");
        assert.strictEqual(o.freeTasks, 251 - 8, "two running tasks hold four interfaces each");
        const log = recordsOf(r, "ep").find((l) => l.op === "create")!;
        assert.deepStrictEqual(log.interfaces!.map((i) => [i.subnetId, i.privateIp]).sort(), [
            [DST.subnetA, "10.0.1.4"],
            [DST.subnetB, "10.0.2.77"],
        ]);
        // A second endpoint cannot take an address already in use.
        const again = await lab.up(
            "ep-answers-2",
            () =>
                new aws.ec2.VpcEndpoint("ep-clash", {
                    ...iface,
                    vpcId: DST.vpc,
                    subnetIds: [DST.subnetB],
                    subnetConfigurations: [{ subnetId: DST.subnetB, ipv4: "10.0.2.77" }],
                }),
        );
        assert.match(refusals(again).get("ep-clash") ?? "", /InvalidIPAddress\.InUse: Address 10\.0\.2\.77 is in use/);
    });

    it("diff: serviceName, vpcId and vpcEndpointType replace; subnets and groups update in place (set order ignored)", async () => {
        const program = (v: number) => () => {
            new aws.ec2.VpcEndpoint("d-service", { ...iface, vpcId: DST.vpc, subnetIds: [DST.subnetA], serviceName: v === 1 ? DATASYNC : W.oneZoneService });
            new aws.ec2.VpcEndpoint("d-subnets", { ...iface, vpcId: DST.vpc, subnetIds: v === 1 ? [DST.subnetA] : [DST.subnetA, DST.subnetB] });
            new aws.ec2.VpcEndpoint("d-order", { ...iface, vpcId: W.vpc2, subnetIds: [W.subnet2], securityGroupIds: v === 1 ? [W.group2] : [W.group2] });
        };
        assert.ok((await lab.up("ep-diff", program(1))).ok);
        const s = steps(await lab.preview("ep-diff", program(2)));
        assert.deepStrictEqual(s.get("d-service"), { op: "replace", keys: ["serviceName"], diffs: ["serviceName"] });
        assert.deepStrictEqual(s.get("d-subnets"), { op: "update", keys: [], diffs: ["subnetIds"] });
        assert.strictEqual(s.get("d-order")?.op, "same");
    });
});
