import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { agentEgressReachesEndpoint } from "../../policy/policies";
import { egress, ENDPOINT_IP, network } from "./builders";
import { check, ref, UNKNOWN_STRING } from "./fixtures";

const VM = 'DataSync agent instance aws.ec2.Instance "agent-vm"';
const EP = 'aws.ec2.VpcEndpoint "endpoint"';
const SG = 'aws.ec2.SecurityGroup "agent-sg"';
const TAIL = `(the provider removes a new group's default allow-all egress). Add egress to its private IP ${ENDPOINT_IP} on TCP 443 and 1024-1064.`;

const tcp = (from: number, to: number, cidrIpv4: string) => ({ ipProtocol: "tcp", fromPort: from, toPort: to, cidrIpv4 });

describe("policy 13: datasync-agent-egress-to-endpoint", () => {
    it("passes an agent group with egress to the endpoint IP on 443 and 1024-1064", async () => {
        const n = network();
        egress(n, "out-443", n.agentSg, tcp(443, 443, `${ENDPOINT_IP}/32`));
        egress(n, "out-control", n.agentSg, tcp(1024, 1064, `${ENDPOINT_IP}/32`));
        const o = await check(agentEgressReachesEndpoint, n.s.resources);
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags an agent group with no egress at all (the provider revoked AWS's default)", async () => {
        const n = network();
        const o = await check(agentEgressReachesEndpoint, n.s.resources);
        assert.deepStrictEqual(o.violations, [
            {
                message: `${VM} cannot reach ${EP} on TCP 443 and TCP 1024-1064: no egress rule of its security group(s) ${SG} allows it ${TAIL}`,
                urn: n.vm.urn,
            },
        ]);
    });

    it("flags 'HTTPS out only' hardening: 443 to anywhere misses the control ports", async () => {
        const n = network();
        egress(n, "out-https", n.agentSg, tcp(443, 443, "0.0.0.0/0"));
        const o = await check(agentEgressReachesEndpoint, n.s.resources);
        assert.deepStrictEqual(o.messages, [`${VM} cannot reach ${EP} on TCP 1024-1064: no egress rule of its security group(s) ${SG} allows it ${TAIL}`]);
    });

    it("names only the ports a partial range leaves out", async () => {
        const n = network();
        egress(n, "out-443", n.agentSg, tcp(443, 443, "10.0.1.0/24"));
        egress(n, "out-some", n.agentSg, tcp(1024, 1050, "10.0.1.0/24"));
        const o = await check(agentEgressReachesEndpoint, n.s.resources);
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /cannot reach aws\.ec2\.VpcEndpoint "endpoint" on TCP 1051-1064:/);
    });

    it("flags egress that goes somewhere other than the endpoint", async () => {
        const n = network();
        egress(n, "out-443", n.agentSg, tcp(443, 443, "10.9.0.0/16"));
        egress(n, "out-control", n.agentSg, tcp(1024, 1064, "10.9.0.0/16"));
        const o = await check(agentEgressReachesEndpoint, n.s.resources);
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /on TCP 443 and TCP 1024-1064:/);
    });

    it("accepts inline all-traffic egress, the endpoint's subnet, and a reference to the endpoint's group", async () => {
        const inline = network();
        inline.agentSg.props.egress = [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }];
        assert.deepStrictEqual((await check(agentEgressReachesEndpoint, inline.s.resources)).messages, []);
        const subnet = network();
        egress(subnet, "out-all-tcp", subnet.agentSg, tcp(0, 65535, "10.0.1.0/24"));
        assert.deepStrictEqual((await check(agentEgressReachesEndpoint, subnet.s.resources)).messages, []);
        const byGroup = network();
        egress(byGroup, "out-443", byGroup.agentSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, referencedSecurityGroupId: ref(byGroup.endpointSg) });
        egress(byGroup, "out-control", byGroup.agentSg, {
            ipProtocol: "tcp",
            fromPort: 1024,
            toPort: 1064,
            referencedSecurityGroupId: ref(byGroup.endpointSg),
        });
        assert.deepStrictEqual((await check(agentEgressReachesEndpoint, byGroup.s.resources)).messages, []);
    });

    it("uses the endpoint's subnets when its addresses are not in the outputs", async () => {
        const n = network();
        delete n.endpoint.props.subnetConfigurations;
        egress(n, "out-443", n.agentSg, tcp(443, 443, "10.0.1.0/25"));
        egress(n, "out-control", n.agentSg, tcp(1024, 1064, "10.0.2.0/24"));
        const o = await check(agentEgressReachesEndpoint, n.s.resources);
        assert.deepStrictEqual(o.messages, [
            `${VM} cannot reach ${EP} on TCP 1024-1064: no egress rule of its security group(s) ${SG} allows it ` +
                "(the provider removes a new group's default allow-all egress). Add egress to its subnet 10.0.1.0/24 on TCP 443 and 1024-1064.",
        ]);
    });

    it("does not guess at preview: destinations computed from the endpoint, or a group whose egress is not known", async () => {
        const n = network({ preview: true });
        egress(n, "out-443", n.agentSg, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: UNKNOWN_STRING });
        egress(n, "out-control", n.agentSg, { ipProtocol: "tcp", fromPort: 1024, toPort: 1064, cidrIpv4: UNKNOWN_STRING });
        assert.deepStrictEqual((await check(agentEgressReachesEndpoint, n.s.resources)).messages, []);
        const unknownEgress = network({ preview: true });
        unknownEgress.agentSg.props.egress = UNKNOWN_STRING;
        assert.deepStrictEqual((await check(agentEgressReachesEndpoint, unknownEgress.s.resources)).messages, []);
    });

    it("flags at preview what is already certain (an explicitly empty egress and no rule resources)", async () => {
        const n = network({ preview: true });
        n.agentSg.props.egress = [];
        const o = await check(agentEgressReachesEndpoint, n.s.resources);
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /on TCP 443 and TCP 1024-1064: .*Add egress to its subnet 10\.0\.1\.0\/24 on TCP 443 and 1024-1064\.$/);
    });

    it("skips an agent in a group outside the stack, whose rules are not visible", async () => {
        const n = network();
        n.vm.props.vpcSecurityGroupIds = ["sg-0fedcba9876543210"];
        n.vm.deps = {};
        assert.deepStrictEqual((await check(agentEgressReachesEndpoint, n.s.resources)).messages, []);
    });

    it("checks an agent against the endpoint its aws.datasync.Agent uses when there are several", async () => {
        const n = network();
        const other = n.s.add(
            TYPES.vpcEndpoint,
            "other-endpoint",
            { vpcId: "vpc-0aaaabbbbccccdddd", serviceName: "com.amazonaws.eu-west-2.datasync", subnetIds: ["subnet-0aaaabbbbccccdddd"] },
            {
                outputs: { subnetConfigurations: [{ ipv4: "10.50.0.9" }] },
            },
        );
        egress(n, "out-443", n.agentSg, tcp(443, 443, "10.50.0.9/32"));
        egress(n, "out-control", n.agentSg, tcp(1024, 1064, "10.50.0.9/32"));
        const withoutLink = await check(agentEgressReachesEndpoint, n.s.resources);
        assert.deepStrictEqual(withoutLink.messages, [], "two endpoints and no link: nothing to judge");
        n.s.add(TYPES.datasyncAgent, "agent", { ipAddress: ref(n.vm, "privateIp"), privateLinkEndpoint: ENDPOINT_IP, vpcEndpointId: ref(n.endpoint) });
        const linked = await check(agentEgressReachesEndpoint, n.s.resources);
        assert.strictEqual(linked.messages.length, 1);
        assert.match(linked.messages[0], /cannot reach aws\.ec2\.VpcEndpoint "endpoint" on TCP 443 and TCP 1024-1064/);
        void other;
    });

    it("is not applicable without EC2 agents", async () => {
        const n = network({ tagAgent: false });
        const o = await check(agentEgressReachesEndpoint, n.s.resources);
        assert.match(o.notApplicable ?? "", /no EC2 DataSync agent instances/);
    });
});
