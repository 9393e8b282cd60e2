import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { connectedVpcsDoNotOverlap } from "../../policy/policies";
import { check, ref, StackFixture } from "./fixtures";

function peered(a: string, b: string, preview = false) {
    const s = new StackFixture({ preview });
    const va = s.add(TYPES.vpc, "vpc-a", { cidrBlock: a });
    const vb = s.add(TYPES.vpc, "vpc-b", { cidrBlock: b });
    const pcx = s.add(TYPES.vpcPeering, "a-to-b", { vpcId: ref(va), peerVpcId: ref(vb) });
    return { s, va, vb, pcx };
}

describe("policy 8: connected-vpcs-no-cidr-overlap", () => {
    it("passes peered VPCs with disjoint ranges", async () => {
        const { s } = peered("10.0.0.0/16", "10.1.0.0/16");
        const o = await check(connectedVpcsDoNotOverlap, s.resources);
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags peered VPCs whose primary CIDRs overlap", async () => {
        const { s, pcx } = peered("10.0.0.0/16", "10.0.0.0/20");
        const o = await check(connectedVpcsDoNotOverlap, s.resources);
        assert.deepStrictEqual(o.violations, [
            {
                message:
                    'VPC peering aws.ec2.VpcPeeringConnection "a-to-b" connects VPCs whose address ranges overlap: ' +
                    '10.0.0.0/16 (aws.ec2.Vpc "vpc-a" primary CIDR) and 10.0.0.0/20 (aws.ec2.Vpc "vpc-b" primary CIDR). ' +
                    "Traffic to the overlapping addresses stays in the local VPC; re-address one side.",
                urn: pcx.urn,
            },
        ]);
    });

    it("checks secondary CIDRs added with VpcIpv4CidrBlockAssociation", async () => {
        const { s, vb } = peered("10.0.0.0/16", "10.1.0.0/16");
        s.add(TYPES.vpcCidrAssociation, "b-extra", { vpcId: ref(vb), cidrBlock: "10.0.64.0/18" });
        const o = await check(connectedVpcsDoNotOverlap, s.resources);
        assert.strictEqual(o.messages.length, 1);
        assert.match(
            o.messages[0],
            /10\.0\.0\.0\/16 \(aws\.ec2\.Vpc "vpc-a" primary CIDR\) and 10\.0\.64\.0\/18 \(aws\.ec2\.Vpc "vpc-b" secondary CIDR from aws\.ec2\.VpcIpv4CidrBlockAssociation "b-extra"\)/,
        );
    });

    it("resolves VPCs through property dependencies at preview", async () => {
        const { s, pcx } = peered("10.0.0.0/16", "10.0.0.0/16", true);
        const o = await check(connectedVpcsDoNotOverlap, s.resources);
        assert.deepStrictEqual(
            o.violations.map((v) => v.urn),
            [pcx.urn],
        );
    });

    it("flags VPCs attached to the same transit gateway, not to different ones", async () => {
        const s = new StackFixture();
        const tgw = s.add(TYPES.transitGateway, "tgw", {});
        const other = s.add(TYPES.transitGateway, "tgw-other", {});
        const vpcs = ["10.0.0.0/16", "10.1.0.0/16", "10.1.128.0/17"].map((c, i) => s.add(TYPES.vpc, `vpc-${i}`, { cidrBlock: c }));
        s.add(TYPES.transitGatewayVpcAttachment, "att-0", { transitGatewayId: ref(tgw), vpcId: ref(vpcs[0]), subnetIds: [] });
        s.add(TYPES.transitGatewayVpcAttachment, "att-1", { transitGatewayId: ref(tgw), vpcId: ref(vpcs[1]), subnetIds: [] });
        const att2 = s.add(TYPES.transitGatewayVpcAttachment, "att-2", { transitGatewayId: ref(tgw), vpcId: ref(vpcs[2]), subnetIds: [] });
        const o = await check(connectedVpcsDoNotOverlap, s.resources);
        assert.deepStrictEqual(
            o.violations.map((v) => v.urn),
            [att2.urn],
        );
        assert.match(
            o.messages[0],
            /^transit gateway aws\.ec2transitgateway\.TransitGateway "tgw" \(attachments aws\.ec2transitgateway\.VpcAttachment "att-1" and aws\.ec2transitgateway\.VpcAttachment "att-2"\) connects VPCs/,
        );
        // Moving the overlapping VPC to another transit gateway clears it.
        att2.deps.transitGatewayId = [other];
        att2.props.transitGatewayId = other.props.id;
        assert.deepStrictEqual((await check(connectedVpcsDoNotOverlap, s.resources)).messages, []);
    });

    it("cannot check a peer VPC outside the stack, unless its CIDRs are configured", async () => {
        const s = new StackFixture();
        const va = s.add(TYPES.vpc, "vpc-a", { cidrBlock: "10.0.0.0/16" });
        s.add(TYPES.vpcPeering, "to-partner", { vpcId: ref(va), peerVpcId: "vpc-0fedcba9876543210", peerOwnerId: "444455556666" });
        assert.deepStrictEqual((await check(connectedVpcsDoNotOverlap, s.resources)).messages, []);
        const o = await check(connectedVpcsDoNotOverlap, s.resources, {
            [connectedVpcsDoNotOverlap.name]: { externalVpcCidrs: { "vpc-0fedcba9876543210": ["10.0.200.0/24"] } },
        });
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /10\.0\.200\.0\/24 \(VPC vpc-0fedcba9876543210 \(externalVpcCidrs\)\)/);
    });

    it("is not applicable without peering or attachments", async () => {
        const s = new StackFixture();
        s.add(TYPES.vpc, "vpc-a", { cidrBlock: "10.0.0.0/16" });
        assert.match((await check(connectedVpcsDoNotOverlap, s.resources)).notApplicable ?? "", /no VPC peering connections/);
    });
});
