// The AWS double's VPC peering and VPC routes, through the engine.
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { ACCOUNT, DST, OTHER_REGION, REGION, SOURCE_ACCOUNT, SRC } from "../../fixtures/aws";
import { Lab, reasonsOf, recordsOf, refusals, steps } from "./lab";
import { labWorld, providers, W } from "./world";

describe("AWS double through the engine: VPC peering and routes", function () {
    this.timeout(300_000);
    let lab: Lab;

    before(() => {
        lab = new Lab(labWorld());
    });
    after(() => lab?.close());

    it("Check: peering needs both VPCs; a route exactly one destination and one target", async () => {
        const runs = await lab.previewEach("rt-schema", {
            // null gets past the SDK's own required-argument check (it tests for undefined) and reaches Check.
            "no-peer-vpc": () => new aws.ec2.VpcPeeringConnection("no-peer-vpc", { vpcId: DST.vpc, peerVpcId: null as unknown as string }),
            "no-target": () => new aws.ec2.Route("no-target", { routeTableId: DST.routeTable, destinationCidrBlock: "10.99.0.0/16" }),
            "two-targets": () =>
                new aws.ec2.Route("two-targets", {
                    routeTableId: DST.routeTable,
                    destinationCidrBlock: "10.99.0.0/16",
                    gatewayId: "vgw-1",
                    transitGatewayId: DST.tgw,
                }),
        });
        const reasons = reasonsOf(runs);
        assert.match(reasons("no-peer-vpc"), /The argument "peer_vpc_id" is required/);
        assert.match(reasons("no-target"), /one of `carrier_gateway_id,.*vpc_peering_connection_id` must be specified/);
        assert.match(reasons("two-targets"), /only one of `carrier_gateway_id,.*` can be specified, but `gateway_id,transit_gateway_id` were specified/);
    });

    it("peering: requester and accepter each on their own side; refusals for unknown or overlapping VPCs, auto-accept across accounts and acceptance from the wrong side", async () => {
        const r = await lab.up("pcx", () => {
            const p = providers();
            // Source account requests; destination account accepts.
            const ok = new aws.ec2.VpcPeeringConnection("ok", { vpcId: SRC.vpc, peerVpcId: DST.vpc, peerOwnerId: ACCOUNT }, { provider: p.source });
            new aws.ec2.VpcPeeringConnectionAccepter("ok-accept", { vpcPeeringConnectionId: ok.id, autoAccept: true });
            // The source account tries to accept its own cross-account request.
            const self = new aws.ec2.VpcPeeringConnection("self", { vpcId: SRC.vpc, peerVpcId: W.vpc2, peerOwnerId: ACCOUNT }, { provider: p.source });
            new aws.ec2.VpcPeeringConnectionAccepter("self-accept", { vpcPeeringConnectionId: self.id, autoAccept: true }, { provider: p.source });
            // An account that is neither side cannot see the request.
            new aws.ec2.VpcPeeringConnectionAccepter("stranger-accept", { vpcPeeringConnectionId: self.id, autoAccept: true }, { provider: p.outside });
            // Inter-Region: accepted in the accepter VPC's Region only.
            const xr = new aws.ec2.VpcPeeringConnection("xr", { vpcId: W.usVpc, peerVpcId: W.vpc2, peerRegion: REGION }, { provider: p.us });
            new aws.ec2.VpcPeeringConnectionAccepter("xr-accept-wrong-region", { vpcPeeringConnectionId: xr.id, autoAccept: true }, { provider: p.us });
            new aws.ec2.VpcPeeringConnection("no-such-peer", { vpcId: SRC.vpc, peerVpcId: W.outVpc, peerOwnerId: ACCOUNT }, { provider: p.source });
            new aws.ec2.VpcPeeringConnection("overlap", { vpcId: DST.vpc, peerVpcId: W.vpcOverlap });
            new aws.ec2.VpcPeeringConnection(
                "auto-cross-account",
                { vpcId: SRC.vpc, peerVpcId: DST.vpc, peerOwnerId: ACCOUNT, autoAccept: true },
                { provider: p.source },
            );
            new aws.ec2.VpcPeeringConnection(
                "auto-cross-region",
                { vpcId: W.usVpc, peerVpcId: DST.vpc, peerRegion: REGION, autoAccept: true },
                { provider: p.us },
            );
            const local = new aws.ec2.VpcPeeringConnection("local", { vpcId: DST.vpc, peerVpcId: W.vpc2, autoAccept: true });
            return { okStatus: ok.acceptStatus, localStatus: local.acceptStatus };
        });
        const refused = refusals(r);
        const is = (name: string, re: RegExp) => assert.match(refused.get(name) ?? `(${name} was not refused)`, re);
        is("self-accept", /OperationNotPermitted: User 222222222222 cannot accept peering pcx-[0-9a-f]{17}: it must be accepted by account 111111111111/);
        is("stranger-accept", /InvalidVpcPeeringConnectionID\.NotFound/);
        is(
            "xr-accept-wrong-region",
            /OperationNotPermitted: Incorrect region \(us-east-1\) specified for this request\. VPC peering connection pcx-[0-9a-f]{17} must be accepted in region eu-west-2/,
        );
        is(
            "no-such-peer",
            /unexpected state 'failed', wanted target 'active, pending-acceptance'\. last error: Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range\. \(no VPC vpc-0c3300000000000a1 in account 111111111111, eu-west-2\)/,
        );
        is(
            "overlap",
            /Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range\. \(10\.0\.0\.0\/16 of vpc-0d5700000000000a1 overlaps vpc-0d5700000000000a4\)/,
        );
        is("auto-cross-account", /OperationNotPermitted: User 222222222222 cannot accept peering connection owned by account 111111111111/);
        is("auto-cross-region", /`peer_region` cannot be set whilst `auto_accept` is `true` when creating an EC2 VPC Peering Connection/);
        for (const ok of ["ok", "ok-accept", "self", "xr", "local"]) {
            assert.ok(!refused.has(ok), `${ok}: ${refused.get(ok)}`);
        }
        const created = (name: string) => recordsOf(r, name).find((l) => l.op === "create")!;
        assert.deepStrictEqual([created("ok").account, created("ok").region], [SOURCE_ACCOUNT, REGION], "requester on the source side");
        assert.deepStrictEqual([created("ok-accept").account, created("ok-accept").region], [ACCOUNT, REGION], "accepter on the destination side");
        assert.deepStrictEqual([created("xr").account, created("xr").region], [ACCOUNT, OTHER_REGION]);
        const o = await lab.outputs("pcx");
        assert.strictEqual(o.okStatus, "pending-acceptance", "the requester reports pending until refreshed");
        assert.strictEqual(o.localStatus, "active", "same account and Region: auto_accept on the requester accepts it");
    });

    it("routes: RouteAlreadyExists, the routes-per-table quota, route tables of other accounts, targets the VPC is not attached to", async () => {
        const r = await lab.up("routes", () => {
            const p = providers();
            // The world's table already routes 192.168.0.0/16.
            new aws.ec2.Route("exists", { routeTableId: DST.routeTable, destinationCidrBlock: "192.168.0.0/16", gatewayId: "vgw-0d5700000000000a9" });
            const first = new aws.ec2.Route("first", {
                routeTableId: DST.routeTable,
                destinationCidrBlock: "172.31.0.0/16",
                gatewayId: "vgw-0d5700000000000a9",
            });
            new aws.ec2.Route(
                "second",
                { routeTableId: DST.routeTable, destinationCidrBlock: "172.31.0.0/16", gatewayId: "vgw-0d5700000000000a9" },
                { dependsOn: [first] },
            );
            new aws.ec2.Route("over-quota", { routeTableId: W.fullRouteTable, destinationCidrBlock: "172.17.0.0/16", gatewayId: "vgw-0d5700000000000a9" });
            new aws.ec2.Route(
                "other-account-table",
                { routeTableId: DST.routeTable, destinationCidrBlock: "10.98.0.0/16", gatewayId: "vgw-1" },
                { provider: p.source },
            );
            new aws.ec2.Route("tgw-not-attached", { routeTableId: DST.routeTable, destinationCidrBlock: "10.97.0.0/16", transitGatewayId: DST.tgw });
            new aws.ec2.Route("pcx-elsewhere", {
                routeTableId: DST.routeTable,
                destinationCidrBlock: "10.96.0.0/16",
                vpcPeeringConnectionId: "pcx-0d5700000000000a1",
            });
        });
        const refused = refusals(r);
        const is = (name: string, re: RegExp) => assert.match(refused.get(name) ?? `(${name} was not refused)`, re);
        is("exists", /RouteAlreadyExists: Route in Route Table \(rtb-0d5700000000000a1\) with destination \(192\.168\.0\.0\/16\) already exists/);
        is("second", /RouteAlreadyExists/);
        is("over-quota", /RouteLimitExceeded: .*\(quota: Routes per route table = 50, L-93826ACB; 50 in use in rtb-0d5700000000000f1\)/);
        is("other-account-table", /InvalidRouteTableID\.NotFound/);
        is("tgw-not-attached", /InvalidTransitGatewayID\.NotFound/);
        is("pcx-elsewhere", /InvalidVpcPeeringConnectionID\.NotFound/);
        assert.ok(!refused.has("first"));
    });

    it("diff: a route's destination replaces it, its target updates in place; peering VPCs replace", async () => {
        const program = (v: number) => () => {
            new aws.ec2.Route("d-dest", { routeTableId: DST.routeTable, destinationCidrBlock: v === 1 ? "10.95.0.0/16" : "10.94.0.0/16", gatewayId: "vgw-1" });
            new aws.ec2.Route("d-target", { routeTableId: DST.routeTable, destinationCidrBlock: "10.93.0.0/16", gatewayId: v === 1 ? "vgw-1" : "vgw-2" });
        };
        assert.ok((await lab.up("rt-diff", program(1))).ok);
        const s = steps(await lab.preview("rt-diff", program(2)));
        assert.deepStrictEqual(s.get("d-dest"), { op: "replace", keys: ["destinationCidrBlock"], diffs: ["destinationCidrBlock"] });
        assert.deepStrictEqual(s.get("d-target"), { op: "update", keys: [], diffs: ["gatewayId"] });
    });
});
