// Every bad input is refused with an InputPropertiesError naming the property path,
// before any resource exists.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { PrivateAgentArgs } from "../../provider/src/args/privateAgent";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { NetworkLink } from "../../provider/src/components/networkLink";
import { ServiceEndpoint } from "../../provider/src/components/serviceEndpoint";
import { defaultWorld, recorder, resolve } from "./harness";

function base(): PrivateAgentArgs {
    return {
        vpcId: "vpc-dst",
        endpointSubnetIds: ["subnet-dst-a"],
        agents: [{ name: "a1", address: "10.20.1.5" }],
        link: {
            mode: "peering",
            sourceVpcId: "vpc-src",
            sourceCidrBlocks: ["10.20.0.0/16"],
            destinationCidrBlocks: ["10.0.0.0/16"],
            sourceRouteTableIds: ["rtb-1"],
            destinationRouteTableIds: ["rtb-2"],
        },
    };
}

function refused(mutate: (a: PrivateAgentArgs) => void, path: string, text: RegExp): void {
    recorder.reset();
    const args = base();
    mutate(args);
    let error: unknown;
    try {
        new PrivateAgent("v", args);
    } catch (e) {
        error = e;
    }
    assert.ok(pulumi.InputPropertiesError.isInstance(error), `expected InputPropertiesError, got ${error}`);
    const err = error as pulumi.InputPropertiesError;
    const match = err.errors.find((x) => x.propertyPath === path);
    assert.ok(match, `no error at ${path}; errors: ${JSON.stringify(err.errors)}`);
    assert.match(match!.reason, text);
    assert.match(match!.reason, /Fix: /);
    assert.deepStrictEqual(recorder.resources, [], "nothing may be registered");
}

const cases: [string, (a: PrivateAgentArgs) => void, string, RegExp][] = [
    ["overlapping primary CIDRs", (a) => (a.link!.destinationCidrBlocks = ["10.20.128.0/17"]), "link.sourceCidrBlocks[0]", /overlaps 10\.20\.128\.0\/17 \(link\.destinationCidrBlocks\[0\], destination side\)/],
    ["overlapping secondary CIDR", (a) => (a.link!.destinationCidrBlocks = ["10.0.0.0/16", "10.20.4.0/24"]), "link.sourceCidrBlocks[0]", /link\.destinationCidrBlocks\[1\]/],
    ["overlapping on-prem range", (a) => (a.link!.onPremCidrBlocks = ["10.0.5.0/24"]), "link.onPremCidrBlocks[0]", /overlaps 10\.0\.0\.0\/16/],
    ["malformed CIDR", (a) => (a.link!.sourceCidrBlocks = ["10.20.0.0/33"]), "link.sourceCidrBlocks[0]", /not an IPv4 CIDR/],
    ["CIDR with host bits", (a) => (a.link!.sourceCidrBlocks = ["10.20.0.1/16"]), "link.sourceCidrBlocks[0]", /network address/],
    ["malformed agent IP", (a) => (a.agents[0].address = "10.20.1.256"), "agents[0].address", /not an IPv4 address/],
    ["agent address outside the source ranges", (a) => (a.agents[0].address = "172.16.0.5"), "agents[0].address", /outside every source range \(10\.20\.0\.0\/16\)/],
    ["activation Region differs from the endpoint Region", (a) => ((a.destination = { region: "eu-west-2" }), (a.activationRegion = "us-east-1")), "activationRegion", /must be the endpoint's Region \(eu-west-2\)/],
    ["FIPS in a Region without FIPS", (a) => ((a.destination = { region: "eu-west-2" }), (a.fips = true)), "fips", /no FIPS endpoint in eu-west-2/],
    ["different accounts without a link", (a) => ((a.link = undefined), (a.source = { roleArn: "arn:aws:iam::222222222222:role/r" }), (a.destination = { accountId: "111111111111" })), "link", /different accounts/],
    ["peering without route tables", (a) => (a.link!.sourceRouteTableIds = []), "link.sourceRouteTableIds", /route tables on the source side/],
    ["peering with a transit gateway", (a) => (a.link!.transitGatewayId = "tgw-0abc"), "link.transitGatewayId", /not used in peering mode/],
    ["transit gateway mode without a gateway", (a) => ((a.link!.mode = "transitGateway"), (a.link!.sourceSubnetIds = ["subnet-src-a"])), "link.transitGatewayId", /needs the gateway's ID/],
    ["instance type below 2xlarge", (a) => ((a.agents[0] = { name: "a1", instance: { subnetId: "subnet-src-a", instanceType: "m5.xlarge" } }), (a.activationSourceCidrs = ["10.0.0.10/32"])), "agents[0].instance.instanceType", /at least a 2xlarge/],
    ["both instance and address", (a) => ((a.agents[0].instance = { subnetId: "subnet-src-a" }), (a.activationSourceCidrs = ["10.0.0.10/32"])), "agents[0].address", /both instance and address/],
    ["neither instance nor address", (a) => (a.agents[0] = { name: "a1" }), "agents[0].instance", /neither instance nor address/],
    ["manual key in the wrong format", (a) => (a.agents[0].activation = { mode: "manual", manualKey: "not-a-key" }), "agents[0].activation.manualKey", /does not look like an activation key/],
    ["support channel with an Enhanced agent", (a) => ((a.agentMode = "enhanced"), (a.supportChannel = true)), "supportChannel", /Enhanced-mode agents have no AWS Support channel/],
    ["zero agents", (a) => (a.agents = []), "agents", /at least one agent/],
    ["duplicate agent names", (a) => a.agents.push({ name: "a1", address: "10.20.1.6" }), "agents[1].name", /duplicates agents\[0\]\.name/],
    ["world activation source", (a) => ((a.agents[0] = { name: "a1", instance: { subnetId: "subnet-src-a" } }), (a.activationSourceCidrs = ["0.0.0.0/0"])), "activationSourceCidrs[0]", /opens the port to every address.*allowWorldActivationSource/],
    ["reserved aws: tag key", (a) => (a.tags = { "aws:owner": "me" }), "tags.aws:owner", /reserved for AWS/],
    ["cross-account side with neither role nor profile", (a) => ((a.source = { accountId: "222222222222" }), (a.destination = { accountId: "111111111111" })), "source.accountId", /neither roleArn nor profile/],
    ["EC2 agent without an activation source", (a) => (a.agents[0] = { name: "a1", instance: { subnetId: "subnet-src-a" } }), "activationSourceCidrs", /port 80 must be opened/],
    ["remote mode without a jump host", (a) => (a.agents[0].activation = { mode: "remote" }), "agents[0].activation.jumpHost", /runs the activation over SSH/],
    ["manual mode without a key", (a) => (a.agents[0].activation = { mode: "manual" }), "agents[0].activation.manualKey", /needs the key/],
    ["activation subnet not among the endpoint subnets", (a) => (a.activationSubnetId = "subnet-dst-b"), "activationSubnetId", /not one of the endpoint's subnets/],
    ["bad address override", (a) => (a.agents[0].activation = { addressOverride: "http://lb:80/" }), "agents[0].activation.addressOverride", /host:port/],
    ["request timeout above the deadline", (a) => (a.agents[0].activation = { timeoutSeconds: 30, requestTimeoutSeconds: 60 }), "agents[0].activation.requestTimeoutSeconds", /longer than the overall deadline/],
    ["source route tables in existing mode", (a) => (a.link = { mode: "existing", sourceCidrBlocks: ["10.20.0.0/16"], destinationCidrBlocks: ["10.0.0.0/16"], sourceRouteTableIds: ["rtb-1"] }), "link.sourceRouteTableIds", /routed by the Direct Connect or VPN/],
    ["cross-Region transit gateway without a source gateway", (a) => ((a.source = { region: "us-east-1" }), (a.destination = { region: "eu-west-2" }), (a.link = { ...a.link!, mode: "transitGateway", transitGatewayId: "tgw-0abc", sourceSubnetIds: ["subnet-src-a"], sourceRouteTableIds: [], destinationRouteTableIds: [] })), "link.sourceTransitGatewayId", /different Regions/],
];

describe("PrivateAgent input validation", () => {
    for (const [title, mutate, path, text] of cases) {
        it(`refuses ${title}`, () => refused(mutate, path, text));
    }

    it("accepts the base case", () => {
        recorder.reset();
        assert.doesNotThrow(() => new PrivateAgent("ok", base()));
    });

    it("reports every problem at once", () => {
        recorder.reset();
        const a = base();
        a.agents = [{ name: "x", address: "bad" }, { name: "x" }];
        a.tags = { "aws:x": "y" };
        try {
            new PrivateAgent("v", a);
            assert.fail("expected an error");
        } catch (e) {
            const paths = (e as pulumi.InputPropertiesError).errors.map((x) => x.propertyPath).sort();
            assert.deepStrictEqual(paths, ["agents[0].address", "agents[1].instance", "agents[1].name", "tags.aws:x"]);
        }
    });

    it("never prints a manual key in the error", () => {
        recorder.reset();
        const a = base();
        a.agents[0].activation = { mode: "manual", manualKey: "abcde-fghij" };
        try {
            new PrivateAgent("v", a);
            assert.fail("expected an error");
        } catch (e) {
            assert.doesNotMatch((e as Error).message, /abcde/);
        }
    });
});

describe("Deploy-time checks on looked-up subnets", () => {
    async function rejects(world: ReturnType<typeof defaultWorld>, subnetIds: string[], text: RegExp): Promise<void> {
        recorder.reset(world);
        const e = new ServiceEndpoint("late", { vpcId: "vpc-dst", subnetIds: subnetIds.map((s) => pulumi.output(s)), allowedSources: ["10.20.1.5"] });
        await assert.rejects(resolve(e.vpcEndpointId), (err: Error) => text.test(err.message));
        await new Promise((r) => setTimeout(r, 50));
        const custom = recorder.resources.filter((r) => !r.type.startsWith("datasync-privatelink:") && !r.type.startsWith("pulumi:providers"));
        assert.deepStrictEqual(custom, [], "nothing may be created");
    }

    it("refuses an endpoint subnet outside the destination VPC", () => rejects(defaultWorld(), ["subnet-src-a"], /subnetIds\[0\].*is in vpc-src, not in the destination VPC vpc-dst/s));

    it("refuses two endpoint subnets in one Availability Zone", () => {
        const w = defaultWorld();
        w.subnets["subnet-dst-c"] = { vpcId: "vpc-dst", availabilityZone: "eu-west-2a", cidrBlock: "10.0.3.0/24" };
        return rejects(w, ["subnet-dst-a", "subnet-dst-c"], /second endpoint subnet in eu-west-2a/);
    });

    it("refuses an activation subnet with fewer than 5 free addresses", () => {
        const w = defaultWorld();
        w.subnets["subnet-dst-a"].availableIpAddressCount = 4;
        return rejects(w, ["subnet-dst-a"], /has 4 free IP addresses; 5 are needed/);
    });

    it("refuses an adopted endpoint with private DNS on, or of another service", async () => {
        recorder.reset();
        const original = recorder.call.bind(recorder);
        recorder.call = (args) =>
            args.token === "aws:ec2/getVpcEndpoint:getVpcEndpoint"
                ? { id: args.inputs.id, networkInterfaceIds: ["eni-subnet-dst-a"], vpcId: "vpc-dst", serviceName: "com.amazonaws.eu-west-2.s3", privateDnsEnabled: true }
                : original(args);
        try {
            const e = new ServiceEndpoint("adopt", { vpcId: "vpc-dst", subnetIds: ["subnet-dst-a"], allowedSources: ["10.20.1.5"], existingVpcEndpointId: "vpce-0123456789abcdef0" });
            await assert.rejects(resolve(e.endpointPrivateIp), (err: Error) => /serves com\.amazonaws\.eu-west-2\.s3, not com\.amazonaws\.eu-west-2\.datasync/.test(err.message) && /private DNS enabled/.test(err.message));
        } finally {
            recorder.call = original;
        }
    });

    it("adopts a DataSync endpoint: no endpoint created, its interface in the activation subnet used", async () => {
        recorder.reset();
        const e = new ServiceEndpoint("adopt", { vpcId: "vpc-dst", subnetIds: ["subnet-dst-a"], allowedSources: ["10.20.1.5"], existingVpcEndpointId: "vpce-0123456789abcdef0" });
        assert.strictEqual(await resolve(e.vpcEndpointId), "vpce-0123456789abcdef0");
        assert.strictEqual(await resolve(e.endpointPrivateIp), "10.0.1.10");
        assert.strictEqual(recorder.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").length, 0);
        assert.strictEqual(recorder.ofType("aws:ec2/securityGroup:SecurityGroup").length, 1);
    });

    it("refuses a secondary VPC CIDR, looked up at deployment, that overlaps the other side", async () => {
        const w = defaultWorld();
        w.vpcs["vpc-src"] = ["10.20.0.0/16", "10.0.64.0/20"];
        recorder.reset(w);
        const link = new NetworkLink("late", {
            mode: "peering",
            sourceVpcId: "vpc-src",
            destinationVpcId: "vpc-dst",
            sourceCidrBlocks: ["10.20.0.0/16"],
            destinationCidrBlocks: ["10.0.0.0/16"],
            sourceRouteTableIds: ["rtb-1"],
            destinationRouteTableIds: ["rtb-2"],
        });
        await assert.rejects(resolve(link.peeringConnectionId), (err: Error) =>
            /10\.0\.0\.0\/16 \(destinationCidrBlocks\[0\], destination side\) overlaps 10\.0\.64\.0\/20 \(source VPC vpc-src \(looked up\), source side\)/.test(err.message),
        );
        await new Promise((r) => setTimeout(r, 50));
        assert.deepStrictEqual(recorder.resources.filter((r) => !r.type.startsWith("datasync-privatelink:")), []);
    });

    it("refuses a world-open endpoint source", () => {
        recorder.reset();
        assert.throws(() => new ServiceEndpoint("w", { vpcId: "vpc-dst", subnetIds: ["subnet-dst-a"], allowedSources: ["0.0.0.0/0"] }), /allowedSources\[0\]: got "0\.0\.0\.0\/0"/);
    });
});
