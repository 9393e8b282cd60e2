// Bad inputs, refused when the component checks its resolved inputs: one row each, with the exact
// property path the user wrote, and nothing but the component itself registered. Sources of the
// rules: CreateAgent's AgentName and TagListEntry patterns and lengths (DataSync API reference), EC2
// tag restrictions (at most 50 tags, keys up to 128, the aws: prefix reserved), the IANA
// special-purpose address registry (loopback, link-local, multicast, unspecified, broadcast: never a
// reachable unicast host), AWS ID prefixes, the schema's enums, and the activation deadlines.
//
// Problems whose value holds a secret (a manual key, a jump host with its private key) are only in
// the message text, never in `errors`: the engine prints the input's value at each reported
// property path, unmasked (pulumi pkg/resource/deploy/source_eval.go, errorToMessage: "property %v
// with value '%v' has a problem").
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT, DST, REGION, SRC } from "../fixtures/aws";
import { AgentArgs } from "../../provider/src/args/agent";
import { LinkSettings } from "../../provider/src/args/link";
import { NetworkLinkArgs } from "../../provider/src/args/networkLink";
import { PrivateAgentArgs } from "../../provider/src/args/privateAgent";
import { ServiceEndpointArgs } from "../../provider/src/args/serviceEndpoint";
import { Agent } from "../../provider/src/components/agent";
import { NetworkLink } from "../../provider/src/components/networkLink";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { ServiceEndpoint } from "../../provider/src/components/serviceEndpoint";
import { built, recorder, refusal } from "./harness";

const SUBNET_ARN = `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${DST.subnetA}`;
const GROUP_ARN = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0123456789abcdef0`;
const EXISTING: LinkSettings = { mode: "existing", sourceCidrBlocks: ["10.20.0.0/16"], destinationCidrBlocks: ["10.0.0.0/16"] };

type Component = PrivateAgent | Agent | ServiceEndpoint | NetworkLink;

interface Row {
    what: string;
    make: () => Component;
    /** The property paths in `errors`, in order. */
    shown: string[];
    /** Problems reported in the message text only (their values carry secrets). */
    hidden?: string[];
    /** A text that must appear nowhere in the error. */
    secret?: string;
}

const fleet =
    (extra: Partial<PrivateAgentArgs> = {}) =>
    () =>
        new PrivateAgent("dsync", { vpcId: DST.vpc, endpointSubnetIds: [DST.subnetA], agents: [{ name: "vm1", address: "10.20.1.5" }], ...extra });
const oneAgent = (agent: Partial<PrivateAgentArgs["agents"][0]>, extra: Partial<PrivateAgentArgs> = {}) =>
    fleet({ agents: [{ name: "vm1", address: "10.20.1.5", ...agent }], ...extra });
const ec2 = (instance: Partial<NonNullable<PrivateAgentArgs["agents"][0]["instance"]>>, extra: Partial<PrivateAgentArgs> = {}) =>
    fleet({ agents: [{ name: "ec2", instance: { subnetId: DST.subnetB, ...instance } }], activationSourceCidrs: ["10.0.9.10/32"], ...extra });
const linked = (link: Partial<LinkSettings>, extra: Partial<PrivateAgentArgs> = {}) => fleet({ link: { ...EXISTING, ...link } as LinkSettings, ...extra });
const agent = (extra: Partial<AgentArgs>) => () =>
    new Agent("dsync", {
        address: "10.20.1.5",
        vpcEndpointId: "vpce-0123456789abcdef0",
        endpointPrivateIp: "10.0.1.10",
        subnetArn: SUBNET_ARN,
        securityGroupArn: GROUP_ARN,
        ...extra,
    });
const endpoint = (extra: Partial<ServiceEndpointArgs>) => () => new ServiceEndpoint("dsync", { vpcId: DST.vpc, subnetIds: [DST.subnetA], ...extra });
const networkLink = (extra: Partial<NetworkLinkArgs>) => () =>
    new NetworkLink("dsync", {
        mode: "peering",
        sourceVpcId: SRC.vpc,
        destinationVpcId: DST.vpc,
        sourceCidrBlocks: ["10.20.0.0/16"],
        destinationCidrBlocks: ["10.0.0.0/16"],
        sourceRouteTableIds: [SRC.routeTable],
        destinationRouteTableIds: [DST.routeTable],
        ...extra,
    } as NetworkLinkArgs);

const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
const MALFORMED_KEY = "ZZTOP-SECRETKEYTEXT-1";

const ROWS: Row[] = [
    // Addresses that cannot be an agent, with and without a link.
    { what: "a loopback agent address", make: oneAgent({ address: "127.0.0.1" }), shown: ["agents[0].address"] },
    {
        what: "a loopback agent address, with a link",
        make: linked({ sourceCidrBlocks: ["10.20.0.0/16", "127.0.0.0/8"] }, { agents: [{ name: "vm1", address: "127.0.0.1" }] }),
        shown: ["agents[0].address"],
    },
    { what: "a multicast agent address", make: oneAgent({ address: "224.0.0.5" }), shown: ["agents[0].address"] },
    { what: "the unspecified address", make: oneAgent({ address: "0.0.0.0" }), shown: ["agents[0].address"] },
    { what: "the broadcast address", make: oneAgent({ address: "255.255.255.255" }), shown: ["agents[0].address"] },
    { what: "a link-local agent address", make: oneAgent({ address: "169.254.10.10" }), shown: ["agents[0].address"] },
    { what: "a loopback address of a standalone agent", make: agent({ address: "127.0.0.1" }), shown: ["address"] },
    {
        what: "an agent address outside the link's source ranges",
        make: linked({}, { agents: [{ name: "vm1", address: "10.30.1.5" }] }),
        shown: ["agents[0].address"],
    },
    // Names and tags AWS refuses.
    { what: "an agent name with a character CreateAgent refuses", make: oneAgent({ name: "vm#1" }), shown: ["agents[0].name"] },
    { what: "an agent name of 257 characters", make: oneAgent({ name: "a".repeat(257) }), shown: ["agents[0].name"] },
    { what: "an empty agent name", make: oneAgent({ name: "" }), shown: ["agents[0].name"] },
    { what: "a standalone agent's name with a character CreateAgent refuses", make: agent({ agentName: "bad!name" }), shown: ["agentName"] },
    {
        what: "two agents with one name",
        make: fleet({
            agents: [
                { name: "vm1", address: "10.20.1.5" },
                { name: "vm1", address: "10.20.1.6" },
            ],
        }),
        shown: ["agents[1].name"],
    },
    { what: 'a tag key starting with "aws:"', make: fleet({ tags: { "aws:owner": "me" } }), shown: ['tags["aws:owner"]'] },
    { what: "a tag key with @ (DataSync keys take no @)", make: fleet({ tags: { "team@corp": "x" } }), shown: ['tags["team@corp"]'] },
    { what: "a tag key of 129 characters", make: fleet({ tags: { ["k".repeat(129)]: "x" } }), shown: [`tags["${"k".repeat(129)}"]`] },
    { what: "a tag value with a character DataSync refuses", make: fleet({ tags: { team: "a&b" } }), shown: ['tags["team"]'] },
    { what: "a tag value of 257 characters", make: fleet({ tags: { team: "v".repeat(257) } }), shown: ['tags["team"]'] },
    { what: "an agent's tag key AWS refuses", make: oneAgent({ tags: { "aws:x": "y" } }), shown: ['agents[0].tags["aws:x"]'] },
    { what: "49 tags (48 leave room for Name and DataSyncAgent)", make: fleet({ tags: tags(49) }), shown: ["tags"] },
    {
        what: "an agent's tags merged over the fleet's past 48",
        make: oneAgent({ tags: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a${i}`, "v"])) }, { tags: tags(40) }),
        shown: ["agents[0].tags"],
    },
    // IDs of the wrong kind.
    { what: "a route table in endpointSubnetIds", make: fleet({ endpointSubnetIds: [DST.routeTable] }), shown: ["endpointSubnetIds[0]"] },
    { what: "a subnet as vpcId", make: fleet({ vpcId: DST.subnetA }), shown: ["vpcId"] },
    { what: "a VPC as existingSecurityGroupId", make: fleet({ existingSecurityGroupId: DST.vpc }), shown: ["existingSecurityGroupId"] },
    { what: "a VPC as existingVpcEndpointId", make: fleet({ existingVpcEndpointId: DST.vpc }), shown: ["existingVpcEndpointId"] },
    { what: "a subnet as activationSubnetId that is not an endpoint subnet", make: fleet({ activationSubnetId: DST.subnetB }), shown: ["activationSubnetId"] },
    { what: "a security group as an agent's subnetId", make: ec2({ subnetId: "sg-0123456789abcdef0" }), shown: ["agents[0].instance.subnetId"] },
    { what: "a VPC as an agent's amiId", make: ec2({ amiId: DST.vpc }), shown: ["agents[0].instance.amiId"] },
    {
        what: "a subnet in an agent's extraSecurityGroupIds",
        make: ec2({ extraSecurityGroupIds: [DST.subnetA] }),
        shown: ["agents[0].instance.extraSecurityGroupIds[0]"],
    },
    { what: "an instance type below 2xlarge", make: ec2({ instanceType: "m5.xlarge" }), shown: ["agents[0].instance.instanceType"] },
    { what: "a subnet ARN as securityGroupArn", make: agent({ securityGroupArn: SUBNET_ARN }), shown: ["securityGroupArn"] },
    { what: "a security group ARN as subnetArn", make: agent({ subnetArn: GROUP_ARN }), shown: ["subnetArn"] },
    { what: "a short vpce ID", make: agent({ vpcEndpointId: "vpce-0123" }), shown: ["vpcEndpointId"] },
    { what: "a subnet as endpointSecurityGroupId", make: agent({ endpointSecurityGroupId: DST.subnetA }), shown: ["endpointSecurityGroupId"] },
    { what: "not an IPv4 as endpointPrivateIp", make: agent({ endpointPrivateIp: "10.0.1" }), shown: ["endpointPrivateIp"] },
    {
        what: "a tgw-rtb as existingRouteTargetId",
        make: linked({ existingRouteTargetId: DST.tgwRouteTable, destinationRouteTableIds: [DST.routeTable] }),
        shown: ["link.existingRouteTargetId"],
    },
    {
        what: "a subnet in link.sourceRouteTableIds",
        make: fleet({
            link: {
                mode: "peering",
                sourceVpcId: SRC.vpc,
                sourceCidrBlocks: ["10.20.0.0/16"],
                destinationCidrBlocks: ["10.0.0.0/16"],
                sourceRouteTableIds: [SRC.subnetA],
                destinationRouteTableIds: [DST.routeTable],
            },
        }),
        shown: ["link.sourceRouteTableIds[0]"],
    },
    {
        what: "a route table as transitGatewayId",
        make: networkLink({ mode: "transitGateway", transitGatewayId: DST.tgwRouteTable, sourceSubnetIds: [SRC.subnetA], destinationSubnetIds: [DST.subnetA] }),
        shown: ["transitGatewayId"],
    },
    {
        what: "a gateway as transitGatewayRouteTableId",
        make: networkLink({
            mode: "transitGateway",
            transitGatewayId: DST.tgw,
            transitGatewayRouteTableId: DST.tgw,
            sourceSubnetIds: [SRC.subnetA],
            destinationSubnetIds: [DST.subnetA],
        }),
        shown: ["transitGatewayRouteTableId"],
    },
    { what: "a route table in a standalone endpoint's subnetIds", make: endpoint({ subnetIds: [DST.subnetA, DST.routeTable] }), shown: ["subnetIds[1]"] },
    { what: "a role ARN that is not one", make: fleet({ source: { roleArn: "arn:aws:iam::12345:user/x" } }), shown: ["source.roleArn"] },
    { what: "an account ID that is not 12 digits", make: fleet({ destination: { accountId: "1234" } }), shown: ["destination.accountId"] },
    // Enums outside their values.
    { what: "agentMode outside its values", make: fleet({ agentMode: "turbo" as never }), shown: ["agentMode"] },
    { what: "a standalone agent's agentMode outside its values", make: agent({ agentMode: "turbo" as never }), shown: ["agentMode"] },
    { what: "activation.mode outside its values", make: oneAgent({ activation: { mode: "ssh" as never } }), shown: ["agents[0].activation.mode"] },
    { what: "link.mode outside its values", make: linked({ mode: "vpn" as never }), shown: ["link.mode"] },
    {
        what: "transitGatewaySharing outside its values",
        make: networkLink({
            mode: "transitGateway",
            transitGatewayId: DST.tgw,
            transitGatewaySharing: "share" as never,
            sourceSubnetIds: [SRC.subnetA],
            destinationSubnetIds: [DST.subnetA],
        }),
        shown: ["transitGatewaySharing"],
    },
    { what: "ingressScope outside its values", make: linked({}, { ingressScope: "everyone" as never }), shown: ["ingressScope"] },
    {
        what: "a storage protocol outside its values",
        make: ec2({}, { storageEgress: [{ cidrBlock: "10.0.5.10/32", protocol: "icmp" as never, fromPort: 2049 }] }),
        shown: ["storageEgress[0].protocol"],
    },
    // Absurd numbers.
    { what: "an overall deadline of 0 s", make: oneAgent({ activation: { timeoutSeconds: 0 } }), shown: ["agents[0].activation.timeoutSeconds"] },
    { what: "an overall deadline of 3601 s", make: oneAgent({ activation: { timeoutSeconds: 3601 } }), shown: ["agents[0].activation.timeoutSeconds"] },
    { what: "a deadline of 1.5 s", make: oneAgent({ activation: { timeoutSeconds: 1.5 } }), shown: ["agents[0].activation.timeoutSeconds"] },
    {
        what: "a request deadline longer than the overall one",
        make: oneAgent({ activation: { timeoutSeconds: 10, requestTimeoutSeconds: 20 } }),
        shown: ["agents[0].activation.requestTimeoutSeconds"],
    },
    {
        what: "a storage port above 65535",
        make: ec2({}, { storageEgress: [{ cidrBlock: "10.0.5.10/32", fromPort: 70000 }] }),
        shown: ["storageEgress[0].fromPort"],
    },
    {
        what: "a storage range given backwards",
        make: ec2({}, { storageEgress: [{ cidrBlock: "10.0.5.10/32", fromPort: 2049, toPort: 111 }] }),
        shown: ["storageEgress[0].toPort"],
    },
    { what: "a rule quota of 0", make: fleet({ securityGroupRuleQuota: 0 }), shown: ["securityGroupRuleQuota"] },
    // Jump hosts.
    { what: "an empty jump host", make: oneAgent({ activation: { mode: "remote", jumpHost: { host: "" } } }), shown: ["agents[0].activation.jumpHost.host"] },
    {
        what: "an empty jump host user",
        make: oneAgent({ activation: { mode: "remote", jumpHost: { host: "bastion.example.internal", user: "" } } }),
        shown: ["agents[0].activation.jumpHost.user"],
    },
    {
        what: "a jump host port of 0",
        make: oneAgent({ activation: { mode: "remote", jumpHost: { host: "bastion.example.internal", port: 0 } } }),
        shown: ["agents[0].activation.jumpHost.port"],
    },
    { what: "remote mode without a jump host", make: oneAgent({ activation: { mode: "remote" } }), shown: [], hidden: ["agents[0].activation.jumpHost"] },
    {
        what: "a jump host (with its private key) outside remote mode",
        make: oneAgent({
            activation: { mode: "local", jumpHost: { host: "bastion.example.internal", privateKey: pulumi.secret("-----BEGIN KEY-----PRIVATEKEYTEXT") } },
        }),
        shown: [],
        hidden: ["agents[0].activation.jumpHost"],
        secret: "PRIVATEKEYTEXT",
    },
    // Region codes that are not codes.
    { what: "a Region's display name", make: fleet({ destination: { region: "Europe (London)" } }), shown: ["destination.region"] },
    { what: "a Region code without its number", make: fleet({ source: { region: "eu-west" } }), shown: ["source.region"] },
    { what: "a Region name as activationRegion", make: fleet({ activationRegion: "London" }), shown: ["activationRegion"] },
    {
        what: "an activationRegion other than the destination's",
        make: fleet({ destination: { region: REGION }, activationRegion: "us-east-1" }),
        shown: ["activationRegion"],
    },
    // Manual keys.
    {
        what: "a malformed manual key given as a secret",
        make: oneAgent({ activation: { mode: "manual", manualKey: pulumi.secret(MALFORMED_KEY) } }),
        shown: [],
        hidden: ["agents[0].activation.manualKey"],
        secret: MALFORMED_KEY,
    },
    {
        what: "a manual key outside manual mode",
        make: oneAgent({ activation: { mode: "local", manualKey: pulumi.secret("F0EFT-7FPPR-GG7MC-3I9R3-27DOH") } }),
        shown: [],
        hidden: ["agents[0].activation.manualKey"],
        secret: "F0EFT-7FPPR-GG7MC-3I9R3-27DOH",
    },
    { what: "manual mode without a key", make: oneAgent({ activation: { mode: "manual" } }), shown: [], hidden: ["agents[0].activation.manualKey"] },
    {
        what: "an addressOverride in manual mode",
        make: oneAgent({ activation: { mode: "manual", manualKey: pulumi.secret("F0EFT-7FPPR-GG7MC-3I9R3-27DOH"), addressOverride: "127.0.0.1:8080" } }),
        shown: ["agents[0].activation.addressOverride"],
    },
    {
        what: "an addressOverride with a scheme",
        make: oneAgent({ activation: { addressOverride: "http://127.0.0.1:8080" } }),
        shown: ["agents[0].activation.addressOverride"],
    },
    // Duplicates, ranges, scopes.
    {
        what: "a destination route table listed twice",
        make: linked({ destinationRouteTableIds: [DST.routeTable, DST.routeTable], existingRouteTargetId: "vgw-0a00000000000000b" }),
        shown: ["link.destinationRouteTableIds[1]"],
    },
    { what: "a source range listed twice", make: linked({ sourceCidrBlocks: ["10.20.0.0/16", "10.20.0.0/16"] }), shown: ["link.sourceCidrBlocks[1]"] },
    { what: "an endpoint subnet listed twice", make: fleet({ endpointSubnetIds: [DST.subnetA, DST.subnetA] }), shown: ["endpointSubnetIds[1]"] },
    {
        what: "overlapping declared ranges",
        make: linked({ sourceCidrBlocks: ["10.0.0.0/8"] }, { agents: [{ name: "vm1", address: "10.20.1.5" }] }),
        shown: ["link.sourceCidrBlocks[0]"],
    },
    { what: "a range with host bits", make: linked({ destinationCidrBlocks: ["10.0.0.1/16"] }), shown: ["link.destinationCidrBlocks[0]"] },
    { what: 'ingressScope "sourceRanges" without a link', make: fleet({ ingressScope: "sourceRanges" }), shown: ["ingressScope"] },
    { what: "0.0.0.0/0 as an activation source", make: ec2({}, { activationSourceCidrs: ["0.0.0.0/0"] }), shown: ["activationSourceCidrs[0]"] },
    { what: "an EC2 agent without activation sources", make: ec2({}, { activationSourceCidrs: undefined }), shown: ["activationSourceCidrs"] },
    { what: "0.0.0.0/0 as an endpoint's allowed source", make: endpoint({ allowedSources: ["0.0.0.0/0"] }), shown: ["allowedSources[0]"] },
    { what: "an empty taskInterfaceCidrs", make: ec2({}, { taskInterfaceCidrs: [] }), shown: ["taskInterfaceCidrs"] },
    { what: "a DNS server that is not an address", make: ec2({}, { dnsServers: ["dns.example.internal"] }), shown: ["dnsServers[0]"] },
    {
        what: "an agent with both instance and address",
        make: oneAgent({ instance: { subnetId: DST.subnetB } }, { activationSourceCidrs: ["10.0.9.10/32"] }),
        shown: ["agents[0].address"],
    },
    { what: "no agents", make: fleet({ agents: [] }), shown: [], hidden: ["agents"] },
    {
        what: "two accounts known from the inputs and no link",
        make: fleet({ source: { roleArn: "arn:aws:iam::222222222222:role/src" }, destination: { roleArn: `arn:aws:iam::${ACCOUNT}:role/dst` } }),
        shown: ["link"],
    },
    // Both sides would use the stack's one set of credentials, so they cannot be in two accounts; either may be the wrong one.
    {
        what: "two sides in two accounts, neither with a role or profile",
        make: fleet({ source: { accountId: "222222222222" }, destination: { accountId: ACCOUNT }, link: EXISTING }),
        shown: ["source.accountId", "destination.accountId"],
    },
    {
        what: "a role ARN whose account is not the side's accountId",
        make: fleet({ source: { accountId: "333333333333", roleArn: "arn:aws:iam::222222222222:role/src" }, link: EXISTING }),
        shown: ["source.accountId"],
    },
    { what: "peering without route tables", make: networkLink({ sourceRouteTableIds: undefined }), shown: ["sourceRouteTableIds"] },
    {
        what: "transitGateway mode without destination subnets",
        make: networkLink({ mode: "transitGateway", transitGatewayId: DST.tgw, sourceSubnetIds: [SRC.subnetA] }),
        shown: ["destinationSubnetIds"],
    },
];

function componentOf(c: Component): string {
    return c instanceof PrivateAgent ? "PrivateAgent" : c instanceof Agent ? "Agent" : c instanceof ServiceEndpoint ? "ServiceEndpoint" : "NetworkLink";
}

describe("input validation: one bad input per row, refused at its property path before anything exists", () => {
    for (const row of ROWS) {
        it(row.what, async () => {
            recorder.reset();
            const c = row.make();
            const e = await refusal(c);
            const kind = componentOf(c);
            assert.deepStrictEqual(
                e.errors.map((x) => x.propertyPath),
                row.shown,
            );
            const count = row.shown.length + (row.hidden?.length ?? 0);
            assert.ok(e.message.startsWith(`${kind}: ${count} invalid input${count === 1 ? "" : "s"}; nothing was created`), e.message);
            for (const path of row.hidden ?? []) {
                assert.ok(e.message.includes(`  - ${path}: `), `${path} should be spelled out in the message: ${e.message}`);
            }
            if (row.secret) {
                assert.ok(!JSON.stringify({ message: e.message, errors: e.errors }).includes(row.secret), "the secret appears in the error");
            }
            assert.deepStrictEqual(recorder.inventory(), [`datasync-privatelink:index:${kind} dsync`]);
            assert.deepStrictEqual(
                recorder.invokes.map((x) => x.token),
                [],
                "no lookup ran",
            );
        });
    }

    it("accepts 48 tags (Name and DataSyncAgent make 50)", async () => {
        recorder.reset();
        const c = fleet({ tags: tags(48) })();
        await built(c, c.agentArns);
        assert.strictEqual(Object.keys(recorder.named("dsync-endpoint").inputs.tags).length, 49);
    });

    it("reports every problem of a program at once", async () => {
        recorder.reset();
        const e = await refusal(
            fleet({ vpcId: DST.subnetA, endpointSubnetIds: [DST.routeTable], agents: [{ name: "vm#1", address: "127.0.0.1" }], agentMode: "turbo" as never })(),
        );
        assert.deepStrictEqual(e.errors.map((x) => x.propertyPath).sort(), [
            "agentMode",
            "agents[0].address",
            "agents[0].name",
            "endpointSubnetIds[0]",
            "vpcId",
        ]);
    });
});
