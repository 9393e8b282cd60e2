// The AWS double's transit gateway attachments, routes and RAM sharing, through the engine.
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { ACCOUNT, DST, OTHER_REGION, OUTSIDE_ACCOUNT, REGION, SOURCE_ACCOUNT, SRC } from "../../fixtures/aws";
import { Lab, reasonsOf, recordsOf, refusals } from "./lab";
import { labWorld, providers, W } from "./world";

const tgwArn = (id: string, account = ACCOUNT, region = REGION) => `arn:aws:ec2:${region}:${account}:transit-gateway/${id}`;

describe("AWS double through the engine: transit gateways and RAM", function () {
    this.timeout(300_000);
    let lab: Lab;

    before(() => {
        lab = new Lab(labWorld());
    });
    after(() => lab?.close());

    it("Check: required arguments of attachments; RAM principal format", async () => {
        const runs = await lab.previewEach("tgw-schema", {
            // null gets past the SDK's own required-argument checks (they test for undefined) and reaches Check.
            attachment: () =>
                new aws.ec2transitgateway.VpcAttachment("attachment", {
                    transitGatewayId: DST.tgw,
                    subnetIds: null as unknown as string[],
                    vpcId: null as unknown as string,
                }),
            peering: () =>
                new aws.ec2transitgateway.PeeringAttachment("peering", {
                    transitGatewayId: DST.tgw,
                    peerTransitGatewayId: SRC.tgw,
                    peerRegion: null as unknown as string,
                }),
            principal: () =>
                new aws.ram.PrincipalAssociation("principal", {
                    principal: "my-friend",
                    resourceShareArn: "arn:aws:ram:eu-west-2:111111111111:resource-share/x",
                }),
        });
        const reasons = reasonsOf(runs);
        assert.match(reasons("attachment"), /The argument "subnet_ids" is required/);
        assert.match(reasons("attachment"), /The argument "vpc_id" is required/);
        assert.match(reasons("peering"), /The argument "peer_region" is required/);
        assert.match(reasons("principal"), /must be a valid AWS account ID or ARN/);
    });

    it("same account: attachments are available and take the gateway's default tables (none when they are disabled); associations and propagations refuse doubles", async () => {
        const r = await lab.up("tgw-local", () => {
            const a = new aws.ec2transitgateway.VpcAttachment("dst", { transitGatewayId: DST.tgw, vpcId: DST.vpc, subnetIds: [DST.subnetA, DST.subnetB] });
            new aws.ec2transitgateway.VpcAttachment("dst-twin", { transitGatewayId: DST.tgw, vpcId: DST.vpc, subnetIds: [DST.subnetA] }, { dependsOn: [a] });
            new aws.ec2transitgateway.VpcAttachment("same-zone", { transitGatewayId: W.tgwNoDefaults, vpcId: DST.vpc, subnetIds: [DST.subnetA, W.subnetA2] });
            // The default association exists already: a second association needs replaceExistingAssociation.
            new aws.ec2transitgateway.RouteTableAssociation("assoc-again", { transitGatewayAttachmentId: a.id, transitGatewayRouteTableId: DST.tgwRouteTable });
            new aws.ec2transitgateway.RouteTablePropagation("prop-again", { transitGatewayAttachmentId: a.id, transitGatewayRouteTableId: DST.tgwRouteTable });
            // A gateway with both defaults disabled: no association, and its lookup reports empty table IDs.
            const b = new aws.ec2transitgateway.VpcAttachment("nodefault", { transitGatewayId: W.tgwNoDefaults, vpcId: W.vpc2, subnetIds: [W.subnet2] });
            const t = aws.ec2transitgateway.getTransitGatewayOutput({ id: W.tgwNoDefaults });
            new aws.ec2transitgateway.Route("into-empty-table", {
                destinationCidrBlock: "10.91.0.0/16",
                transitGatewayAttachmentId: b.id,
                transitGatewayRouteTableId: t.associationDefaultRouteTableId,
            });
            new aws.ec2transitgateway.RouteTableAssociation("explicit-assoc", {
                transitGatewayAttachmentId: b.id,
                transitGatewayRouteTableId: W.tgwNoDefaultsTable,
            });
            const route = new aws.ec2transitgateway.Route("explicit-route", {
                destinationCidrBlock: "10.92.0.0/16",
                transitGatewayAttachmentId: b.id,
                transitGatewayRouteTableId: W.tgwNoDefaultsTable,
            });
            new aws.ec2transitgateway.Route(
                "explicit-route-twin",
                { destinationCidrBlock: "10.92.0.0/16", transitGatewayAttachmentId: b.id, transitGatewayRouteTableId: W.tgwNoDefaultsTable },
                { dependsOn: [route] },
            );
            // A VPC route to the gateway works once the VPC is attached.
            new aws.ec2.Route(
                "vpc-to-tgw",
                { routeTableId: DST.routeTable, destinationCidrBlock: "10.90.0.0/16", transitGatewayId: DST.tgw },
                { dependsOn: [a] },
            );
            const autonamed = new aws.ram.ResourceShare("autonamed", {});
            return {
                assoc: t.associationDefaultRouteTableId,
                prop: t.propagationDefaultRouteTableId,
                assocMode: t.defaultRouteTableAssociation,
                shareName: autonamed.name,
                external: autonamed.allowExternalPrincipals,
            };
        });
        const refused = refusals(r);
        const is = (name: string, re: RegExp) => assert.match(refused.get(name) ?? `(${name} was not refused)`, re);
        is("dst-twin", /DuplicateTransitGatewayAttachment/);
        is("same-zone", /DuplicateSubnetsInSameZone/);
        is(
            "assoc-again",
            /Resource\.AlreadyAssociated: Transit Gateway Attachment tgw-attach-[0-9a-f]{17} is already associated to a route table \(tgw-rtb-0d5700000000000a1\)/,
        );
        is("prop-again", /TransitGatewayRouteTablePropagation\.Duplicate/);
        is("into-empty-table", /MissingParameter/);
        is("explicit-route-twin", /RouteAlreadyExists/);
        for (const ok of ["dst", "nodefault", "explicit-assoc", "explicit-route", "vpc-to-tgw"]) {
            assert.ok(!refused.has(ok), `${ok}: ${refused.get(ok)}`);
        }
        const o = await lab.outputs("tgw-local");
        assert.deepStrictEqual([o.assoc, o.prop, o.assocMode], ["", "", "disable"]);
        assert.match(o.shareName, /^autonamed-[0-9a-f]{7}$/, "a share's name is autonamed");
        assert.strictEqual(o.external, false, "allowExternalPrincipals defaults to false");
    });

    it("across accounts: RAM sharing makes the gateway visible (invitation outside the Organization, none inside), attachments wait for acceptance", async () => {
        // Outside the Organization, before any share: the gateway is not found.
        const early = await lab.up("tgw-ram-early", () => {
            new aws.ec2transitgateway.VpcAttachment(
                "out-too-early",
                { transitGatewayId: DST.tgw, vpcId: W.outVpc, subnetIds: [W.outSubnet] },
                { provider: providers().outside },
            );
        });
        assert.match(refusals(early).get("out-too-early") ?? "(not refused)", /InvalidTransitGatewayID\.NotFound/);
        const program = (acceptedTags?: Record<string, string>) => () => {
            const p = providers();
            const closed = new aws.ram.ResourceShare("closed", { name: "closed" });
            new aws.ram.PrincipalAssociation("closed-outsider", { principal: OUTSIDE_ACCOUNT, resourceShareArn: closed.arn });
            const share = new aws.ram.ResourceShare("open", { name: "open", allowExternalPrincipals: true });
            const res = new aws.ram.ResourceAssociation("open-tgw", { resourceArn: tgwArn(DST.tgw), resourceShareArn: share.arn });
            const prin = new aws.ram.PrincipalAssociation("open-outsider", { principal: OUTSIDE_ACCOUNT, resourceShareArn: share.arn });
            const accepted = new aws.ram.ResourceShareAccepter("outsider-accepts", { shareArn: share.arn }, { provider: p.outside, dependsOn: [res, prin] });
            const att = new aws.ec2transitgateway.VpcAttachment(
                "out",
                { transitGatewayId: DST.tgw, vpcId: W.outVpc, subnetIds: [W.outSubnet] },
                { provider: p.outside, dependsOn: [accepted] },
            );
            // The owner accepts in its own account; the attacher cannot.
            new aws.ec2transitgateway.VpcAttachmentAccepter("out-accepted-by-self", { transitGatewayAttachmentId: att.id }, { provider: p.outside });
            const acc = new aws.ec2transitgateway.VpcAttachmentAccepter("out-accepted", { transitGatewayAttachmentId: att.id, tags: acceptedTags });
            new aws.ec2transitgateway.VpcAttachmentAccepter("out-accepted-twice", { transitGatewayAttachmentId: att.id }, { dependsOn: [acc] });
            // Inside the Organization with RAM sharing on: no invitation, the accepter fails, the attachment works without it.
            const org = new aws.ram.ResourceShare("org", { name: "org" });
            const orgRes = new aws.ram.ResourceAssociation("org-tgw", { resourceArn: tgwArn(W.tgwAutoAccept), resourceShareArn: org.arn });
            const orgPrin = new aws.ram.PrincipalAssociation("org-source", { principal: SOURCE_ACCOUNT, resourceShareArn: org.arn });
            new aws.ram.ResourceShareAccepter("source-accepts", { shareArn: org.arn }, { provider: p.source, dependsOn: [orgRes, orgPrin] });
            const srcAtt = new aws.ec2transitgateway.VpcAttachment(
                "src",
                { transitGatewayId: W.tgwAutoAccept, vpcId: SRC.vpc, subnetIds: [SRC.subnetA] },
                { provider: p.source, dependsOn: [orgRes, orgPrin] },
            );
            // That gateway auto-accepts shared attachments: an accepter finds nothing pending.
            new aws.ec2transitgateway.VpcAttachmentAccepter("src-accepted", { transitGatewayAttachmentId: srcAtt.id });
            // Only the owner shares a gateway, from its Region.
            new aws.ram.ResourceAssociation("not-mine", { resourceArn: tgwArn(SRC.tgw, SOURCE_ACCOUNT, OTHER_REGION), resourceShareArn: share.arn });
        };
        const r = await lab.up("tgw-ram", program());
        const refused = refusals(r);
        const is = (name: string, re: RegExp) => assert.match(refused.get(name) ?? `(${name} was not refused)`, re);
        is("closed-outsider", /does not allow external principals/);
        is("out-accepted-by-self", /InvalidTransitGatewayAttachmentID\.NotFound/);
        is("out-accepted-twice", /IncorrectState/);
        is(
            "source-accepts",
            /No pending RAM Resource Share \(arn:aws:ram:eu-west-2:111111111111:resource-share\/[0-9a-f-]+\) invitation found\n\nNOTE: If both AWS accounts are in the same AWS Organization and RAM Sharing with AWS Organizations is enabled, this resource is not necessary/,
        );
        is("src-accepted", /IncorrectState: tgw-attach-[0-9a-f]{17} is in invalid state \(available\)/);
        is("not-mine", /UnknownResourceException/);
        for (const ok of ["outsider-accepts", "out", "out-accepted", "src"]) {
            assert.ok(!refused.has(ok), `${ok}: ${refused.get(ok)}`);
        }
        const at = (name: string) =>
            recordsOf(r, name)
                .filter((l) => l.op === "create")
                .map((l) => `${l.account}/${l.region}`)[0];
        assert.strictEqual(at("out"), `${OUTSIDE_ACCOUNT}/${REGION}`, "the attachment is the VPC owner's");
        assert.strictEqual(at("out-accepted"), `${ACCOUNT}/${REGION}`, "the accepter is the gateway owner's");
        assert.strictEqual(at("outsider-accepts"), `${OUTSIDE_ACCOUNT}/${REGION}`);
        // A tags-only update of the accepter accepts nothing again (TF's Update changes only the
        // default route-table settings and tags).
        const retagged = await lab.up("tgw-ram", program({ stage: "two" }));
        assert.ok(!refusals(retagged).has("out-accepted"), `out-accepted: ${refusals(retagged).get("out-accepted")}`);
        assert.deepStrictEqual(
            recordsOf(retagged, "out-accepted")
                .filter((l) => l.op !== "read")
                .map((l) => [l.op, l.changed]),
            [["update", ["tags"]]],
        );
    });

    it("across Regions: gateway peering requested by one side, accepted in the peer's account and Region; static routes need an accepted attachment", async () => {
        const request = () => {
            const p = providers();
            const peering = new aws.ec2transitgateway.PeeringAttachment(
                "src-to-dst",
                { transitGatewayId: SRC.tgw, peerTransitGatewayId: DST.tgw, peerRegion: REGION, peerAccountId: ACCOUNT },
                { provider: p.sourceUs },
            );
            return { p, peering };
        };
        // First run: requested, not accepted yet, so no static route to it.
        const early = await lab.up("tgw-peering", () => {
            const { peering } = request();
            new aws.ec2transitgateway.Route("too-early", {
                destinationCidrBlock: "10.30.0.0/16",
                transitGatewayAttachmentId: peering.id,
                transitGatewayRouteTableId: DST.tgwRouteTable,
            });
        });
        assert.match(
            refusals(early).get("too-early") ?? "(not refused)",
            /IncorrectState: Transit Gateway Attachment tgw-attach-[0-9a-f]{17} is in invalid state \(pendingAcceptance\)/,
        );
        const accepted = (tags?: Record<string, string>) => () => {
            const { p, peering } = request();
            new aws.ec2transitgateway.PeeringAttachmentAccepter("wrong-region", { transitGatewayAttachmentId: peering.id }, { provider: p.us });
            const acc = new aws.ec2transitgateway.PeeringAttachmentAccepter("accept", { transitGatewayAttachmentId: peering.id, tags });
            new aws.ec2transitgateway.Route(
                "dst-route",
                { destinationCidrBlock: "10.30.0.0/16", transitGatewayAttachmentId: acc.id, transitGatewayRouteTableId: DST.tgwRouteTable },
                { dependsOn: [acc] },
            );
            new aws.ec2transitgateway.Route(
                "src-route",
                { destinationCidrBlock: "10.0.0.0/16", transitGatewayAttachmentId: peering.id, transitGatewayRouteTableId: SRC.tgwRouteTable },
                { provider: p.sourceUs, dependsOn: [acc] },
            );
            // The source account does not own the destination's route tables.
            new aws.ec2transitgateway.Route(
                "foreign-table",
                { destinationCidrBlock: "10.31.0.0/16", transitGatewayAttachmentId: peering.id, transitGatewayRouteTableId: DST.tgwRouteTable },
                { provider: p.source, dependsOn: [acc] },
            );
            new aws.ec2transitgateway.PeeringAttachment(
                "no-peer",
                { transitGatewayId: SRC.tgw, peerTransitGatewayId: "tgw-0d57000000000ffff", peerRegion: REGION, peerAccountId: ACCOUNT },
                { provider: p.sourceUs },
            );
        };
        const r = await lab.up("tgw-peering", accepted());
        const refused = refusals(r);
        const is = (name: string, re: RegExp) => assert.match(refused.get(name) ?? `(${name} was not refused)`, re);
        is("wrong-region", /InvalidTransitGatewayAttachmentID\.NotFound/);
        is("foreign-table", /InvalidRouteTableID\.NotFound/);
        is("no-peer", /InvalidTransitGatewayID\.NotFound: Peer Transit Gateway tgw-0d57000000000ffff/);
        for (const ok of ["accept", "dst-route", "src-route"]) {
            assert.ok(!refused.has(ok), `${ok}: ${refused.get(ok)}`);
        }
        const at = (name: string) =>
            recordsOf(r, name)
                .filter((l) => l.op === "create")
                .map((l) => `${l.account}/${l.region}`)[0];
        assert.strictEqual(
            recordsOf(early, "src-to-dst").find((l) => l.op === "create")?.account +
                "/" +
                recordsOf(early, "src-to-dst").find((l) => l.op === "create")?.region,
            `${SOURCE_ACCOUNT}/${OTHER_REGION}`,
        );
        assert.strictEqual(at("accept"), `${ACCOUNT}/${REGION}`);
        // A tags-only update of the accepter accepts nothing again (TF's Update: "Tags only.").
        const retagged = await lab.up("tgw-peering", accepted({ stage: "two" }));
        assert.ok(!refusals(retagged).has("accept"), `accept: ${refusals(retagged).get("accept")}`);
        assert.deepStrictEqual(
            recordsOf(retagged, "accept")
                .filter((l) => l.op !== "read")
                .map((l) => [l.op, l.changed]),
            [["update", ["tags"]]],
        );
    });
});
