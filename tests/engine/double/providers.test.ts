// The AWS double's provider configuration and lookups, through the engine: each provider instance
// answers for its own account and Region; every lookup reads that account and Region (or the one
// its `region` argument names).
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { ACCOUNT, AMI, AMI_PARAMETER, DST, OTHER_REGION, OUTSIDE_ACCOUNT, REGION, SOURCE_ACCOUNT, SRC } from "../../fixtures/aws";
import { Lab, recordsOf, refusals } from "./lab";
import { labWorld, providers, W } from "./world";

const who = (provider?: aws.Provider, region?: string) => ({
    account: aws.getCallerIdentityOutput({}, provider ? { provider } : {}).accountId,
    region: aws.getRegionOutput(region ? { region } : {}, provider ? { provider } : {}).region,
});

describe("AWS double through the engine: providers and lookups", function () {
    this.timeout(300_000);
    let lab: Lab;

    before(() => {
        lab = new Lab(labWorld());
    });
    after(() => lab?.close());

    it("each provider instance answers for its account and Region: default config, region, assumeRoles (last role), profile", async () => {
        const r = await lab.up("who", () => {
            const chain = new aws.Provider("chain", {
                region: OTHER_REGION,
                assumeRoles: [{ roleArn: `arn:aws:iam::${OUTSIDE_ACCOUNT}:role/first` }, { roleArn: `arn:aws:iam::${SOURCE_ACCOUNT}:role/last` }],
            });
            const p = providers();
            return {
                default: who(),
                chain: who(chain),
                profile: who(p.outside),
                regionArg: who(undefined, OTHER_REGION),
                tagged: new aws.ec2.SecurityGroup(
                    "tagged",
                    { vpcId: DST.vpc, name: "tagged", tags: { own: "1" } },
                    { provider: new aws.Provider("tags", { defaultTags: { tags: { team: "lab" } } }) },
                ).tagsAll,
            };
        });
        assert.ok(r.ok, r.text);
        const o = await lab.outputs("who");
        assert.deepStrictEqual(o.default, { account: ACCOUNT, region: REGION }, "the default provider: stack config aws:region, the world's default account");
        assert.deepStrictEqual(o.chain, { account: SOURCE_ACCOUNT, region: OTHER_REGION }, "the last role of the chain decides the account");
        assert.deepStrictEqual(o.profile, { account: OUTSIDE_ACCOUNT, region: REGION }, "a profile maps to the world's account for it");
        assert.deepStrictEqual(o.regionArg, { account: ACCOUNT, region: OTHER_REGION }, "a function's region argument overrides the provider's Region");
        assert.deepStrictEqual(o.tagged, { team: "lab", own: "1" }, "provider default tags are merged into tagsAll");
        const identity = r.log
            .filter((l) => l.type === "aws:index/getCallerIdentity:getCallerIdentity")
            .map((l) => l.account)
            .sort();
        assert.deepStrictEqual(identity, [ACCOUNT, ACCOUNT, OUTSIDE_ACCOUNT, SOURCE_ACCOUNT].sort());
    });

    it("configuration the provider refuses: a profile it does not know, an account not allowed", async () => {
        const bad = await lab.up("bad-profile", () => who(new aws.Provider("nobody", { profile: "nobody" })));
        assert.ok(!bad.ok);
        assert.match(bad.text, /failed to get shared config profile, nobody/);
        const denied = await lab.up("not-allowed", () => who(new aws.Provider("denied", { allowedAccountIds: [SOURCE_ACCOUNT] })));
        assert.ok(!denied.ok);
        assert.match(denied.text, /AWS account ID not allowed: 111111111111/);
    });

    it("a resource's region argument puts it in that Region of the provider's account", async () => {
        const r = await lab.up("region-arg", () => {
            new aws.ec2.SecurityGroup("us-group", { vpcId: W.usVpc, name: "us-group", region: OTHER_REGION });
            // The same VPC from the provider's own Region does not exist.
            new aws.ec2.SecurityGroup("us-vpc-here", { vpcId: W.usVpc, name: "us-vpc-here" });
        });
        const made = recordsOf(r, "us-group").find((l) => l.op === "create")!;
        assert.deepStrictEqual([made.account, made.region, made.outputs.region], [ACCOUNT, OTHER_REGION, OTHER_REGION]);
        assert.match(made.outputs.arn, /^arn:aws:ec2:us-east-1:111111111111:security-group\/sg-/);
        assert.match(refusals(r).get("us-vpc-here") ?? "", /InvalidVpcID\.NotFound/);
    });

    it("lookups answer from the caller's account and Region and fail as the data sources do", async () => {
        const r = await lab.up("lookups", () => {
            const p = providers();
            const endpoint = new aws.ec2.VpcEndpoint("lk-ep", {
                vpcId: DST.vpc,
                vpcEndpointType: "Interface",
                serviceName: `com.amazonaws.${REGION}.datasync`,
                subnetIds: [DST.subnetA],
                securityGroupIds: [W.group],
            });
            const byId = aws.ec2.getVpcEndpointOutput({ id: endpoint.id });
            const eni = endpoint.networkInterfaceIds.apply((ids) => aws.ec2.getNetworkInterfaceOutput({ id: ids[0] }));
            const ami = aws.ssm.getParameterOutput({ name: AMI_PARAMETER.basic });
            const amiUs = aws.ssm.getParameterOutput({ name: AMI_PARAMETER.basic }, { provider: p.us });
            return {
                vpcRanges: aws.ec2.getVpcOutput({ id: DST.vpc }).cidrBlockAssociations.apply((l) => l.map((a) => a.cidrBlock)),
                subnetFree: aws.ec2.getSubnetOutput({ id: W.subnetTasks }).availableIpAddressCount,
                group: aws.ec2.getSecurityGroupOutput({ id: W.group }).vpcId,
                endpointGroups: byId.securityGroupIds,
                endpointState: byId.state,
                endpointSubnets: byId.subnetIds,
                endpointEnis: byId.networkInterfaceIds,
                eniSubnet: eni.subnetId,
                eniIp: eni.privateIp,
                serviceZones: aws.ec2.getVpcEndpointServiceOutput({ serviceName: W.oneZoneService }).availabilityZones,
                tableById: aws.ec2.getRouteTableOutput({ routeTableId: DST.routeTable }).vpcId,
                tableRoutes: aws.ec2.getRouteTableOutput({ routeTableId: DST.routeTable }).routes.apply((rs) => rs.map((x) => [x.cidrBlock, x.gatewayId])),
                tableBySubnet: aws.ec2.getRouteTableOutput({ subnetId: DST.subnetA }).routeTableId,
                type: aws.ec2.getInstanceTypeOutput({ instanceType: "m6g.2xlarge" }).apply((t) => [t.supportedArchitectures, t.memorySize]),
                offered: aws.ec2.getInstanceTypeOfferingsOutput({ filters: [{ name: "location", values: [`${REGION}c`] }], locationType: "availability-zone" })
                    .instanceTypes,
                tgw: aws.ec2transitgateway
                    .getTransitGatewayOutput({ id: W.tgwAutoAccept })
                    .apply((t) => [t.ownerId, t.autoAcceptSharedAttachments, t.defaultRouteTablePropagation]),
                amiIsSecret: ami.value.apply(() => "resolved"),
                amiPlain: ami.insecureValue,
                amiUs: amiUs.insecureValue,
                srcSubnet: aws.ec2.getSubnetOutput({ id: SRC.subnetA }, { provider: p.source }).vpcId,
            };
        });
        assert.ok(r.ok, r.text);
        const o = await lab.outputs("lookups");
        assert.deepStrictEqual(o.vpcRanges, ["10.0.0.0/16", "10.10.0.0/16"]);
        assert.strictEqual(o.subnetFree, 251 - 8);
        assert.strictEqual(o.group, DST.vpc);
        assert.deepStrictEqual(
            [o.endpointGroups, o.endpointState, o.endpointSubnets],
            [[W.group], "available", [DST.subnetA]],
            "getVpcEndpoint reports the endpoint's security groups",
        );
        assert.strictEqual(o.endpointEnis.length, 1);
        assert.deepStrictEqual([o.eniSubnet, o.eniIp], [DST.subnetA, "10.0.1.4"]);
        assert.deepStrictEqual(o.serviceZones, [`${REGION}a`]);
        assert.deepStrictEqual([o.tableById, o.tableBySubnet], [DST.vpc, DST.routeTable]);
        assert.deepStrictEqual(o.tableRoutes, [["192.168.0.0/16", "vgw-0d5700000000000a1"]], "the table's routes with their next hop, without the local route");
        assert.deepStrictEqual(o.type, [["arm64"], 32768]);
        assert.deepStrictEqual(o.offered, ["t3.micro"]);
        assert.deepStrictEqual(o.tgw, [ACCOUNT, "enable", "enable"]);
        assert.deepStrictEqual([o.amiPlain, o.amiUs], [AMI.basic, W.usAmi], "each Region has its own AMI parameter");
        assert.strictEqual(o.srcSubnet, SRC.vpc);
        const stackOutputs = lab.state("lookups").find((x) => x.type === "pulumi:pulumi:Stack").outputs;
        assert.ok(stackOutputs.amiIsSecret?.ciphertext, "getParameter's value is a secret");
        // Not found, each with its data source's message.
        const fails = await lab.upEach("lk-fail", {
            subnet: () => ({ x: aws.ec2.getSubnetOutput({ id: DST.subnetA }, { provider: providers().source }).id }),
            vpc: () => ({ x: aws.ec2.getVpcOutput({ id: DST.vpc, region: OTHER_REGION }).id }),
            service: () => ({ x: aws.ec2.getVpcEndpointServiceOutput({ serviceName: "com.amazonaws.eu-west-2.nothing" }).id }),
            implicitTable: () => ({ x: aws.ec2.getRouteTableOutput({ subnetId: DST.subnetB }).id }),
            parameter: () => ({ x: aws.ssm.getParameterOutput({ name: "/not/there" }).id }),
            tgw: () => ({ x: aws.ec2transitgateway.getTransitGatewayOutput({ id: DST.tgw }, { provider: providers().outside }).id }),
            offering: () => ({ x: aws.ec2.getInstanceTypeOfferingOutput({ filters: [{ name: "instance-type", values: ["z9.mega"] }] }).id }),
        });
        const text = Object.fromEntries([...fails].map(([k, run]) => [k, run.ok ? "(succeeded)" : run.text]));
        assert.match(text.subnet, /no matching EC2 Subnet found/);
        assert.match(text.vpc, /no matching EC2 VPC found/);
        assert.match(text.service, /reading EC2 VPC Endpoint Services: couldn't find resource/);
        assert.match(text.implicitTable, /no matching Route Table found/, "a subnet on the main table implicitly has no association.subnet-id");
        assert.match(text.parameter, /reading SSM Parameter \(\/not\/there\): couldn't find resource/);
        assert.match(text.tgw, /no matching EC2 Transit Gateway found/);
        assert.match(text.offering, /no EC2 Instance Type Offerings found matching criteria; try different search/);
    });
});
