// The pure planning layer, with exact tables.
import * as assert from "assert";
import {
    chooseEndpointIp,
    datasyncServiceName,
    findCrossSideOverlaps,
    firewallTable,
    hasFips,
    isActivationKey,
    isAtLeast2xlarge,
    isRegion,
    parseCidr,
    parseSource,
    planAgentRules,
    planEndpointRules,
    planRoutes,
    routeTargetKind,
} from "../../provider/src/plan";

describe("cidr", () => {
    const table: [string, string | undefined][] = [
        ["10.0.0.0/16", "10.0.0.0/16"],
        ["10.0.0.1/16", undefined],
        ["10.0.0.0/33", undefined],
        ["10.0.0/16", undefined],
        ["0.0.0.0/0", "0.0.0.0/0"],
        ["fd00::/8", undefined],
        ["010.0.0.0/8", undefined],
    ];
    for (const [input, want] of table) {
        it(`parseCidr(${input}) = ${want}`, () => assert.strictEqual(parseCidr(input)?.text, want));
    }
    it("parseSource turns an address into a /32", () => assert.strictEqual(parseSource("10.1.2.3")?.text, "10.1.2.3/32"));

    it("finds overlaps across sides only, naming both origins", () => {
        const found = findCrossSideOverlaps([
            { cidr: "10.0.0.0/16", origin: "src[0]", side: "source" },
            { cidr: "10.0.1.0/24", origin: "src[1]", side: "source" },
            { cidr: "10.1.0.0/16", origin: "dst[0]", side: "destination" },
            { cidr: "10.0.128.0/17", origin: "dst[1]", side: "destination" },
            { cidr: "192.168.0.0/16", origin: "dst[2]", side: "destination" },
        ]);
        assert.deepStrictEqual(
            found.map((o) => `${o.a.origin}~${o.b.origin}`),
            ["src[0]~dst[1]"],
        );
    });
});

describe("security group plans", () => {
    it("endpoint: 443 and 1024-1064 per source, 22 only with the support channel, no egress", () => {
        assert.deepStrictEqual(
            planEndpointRules(2, false).map((r) => `${r.direction} ${r.key}`),
            ["ingress in-s0-443", "ingress in-s0-1024-1064", "ingress in-s1-443", "ingress in-s1-1024-1064"],
        );
        assert.deepStrictEqual(
            planEndpointRules(1, true).map((r) => `${r.port.fromPort}-${r.port.toPort}`),
            ["443-443", "1024-1064", "22-22"],
        );
    });

    it("agent: 80 in from each activation source; out to the endpoint and the task subnet", () => {
        assert.deepStrictEqual(
            planAgentRules(2, false).map((r) => `${r.direction} ${r.peer.kind} ${r.port.fromPort}-${r.port.toPort}`),
            [
                "ingress source 80-80",
                "ingress source 80-80",
                "egress endpointIp 443-443",
                "egress endpointIp 1024-1064",
                "egress taskSubnet 443-443",
            ],
        );
        assert.strictEqual(planAgentRules(0, true).filter((r) => r.port.fromPort === 22).length, 1);
    });
});

describe("route plans", () => {
    it("every table on one side gets every range of the other", () => {
        assert.deepStrictEqual(
            planRoutes({ sourceTables: 1, destinationTables: 2, sourceRanges: 2, destinationRanges: 1 }).map((r) => r.key),
            ["src-rt0-r0", "dst-rt0-r0", "dst-rt0-r1", "dst-rt1-r0", "dst-rt1-r1"],
        );
    });
    const targets: [string, string | undefined][] = [
        ["vgw-1", "gatewayId"],
        ["tgw-1", "transitGatewayId"],
        ["eni-1", "networkInterfaceId"],
        ["pcx-1", "vpcPeeringConnectionId"],
        ["igw-1", undefined],
    ];
    for (const [id, kind] of targets) {
        it(`route target ${id} -> ${kind}`, () => assert.strictEqual(routeTargetKind(id), kind));
    }
});

describe("endpoint interface choice", () => {
    const enis = [
        { id: "eni-1", subnetId: "subnet-a", privateIp: "10.0.1.10" },
        { id: "eni-2", subnetId: "subnet-b", privateIp: "10.0.2.10" },
    ];
    it("takes the interface in the activation subnet, not the first", () => assert.strictEqual(chooseEndpointIp(enis, "subnet-b"), "10.0.2.10"));
    it("fails when the subnet has no interface", () => assert.throws(() => chooseEndpointIp(enis, "subnet-c"), /0 network interfaces in the activation subnet subnet-c \(interfaces: eni-1 in subnet-a, eni-2 in subnet-b\)/));
});

describe("firewall table", () => {
    it("lists activation, endpoint and task flows per agent, once each", () => {
        const rows = firewallTable({ activationSources: ["10.9.0.1/32"], agents: ["10.20.1.5", "10.20.1.5"], endpointIp: "10.0.1.10", taskSubnetCidr: "10.0.1.0/24", supportChannel: true });
        assert.deepStrictEqual(
            rows.map((r) => `${r.from} -> ${r.to} ${r.protocol}/${r.ports}`),
            [
                "10.9.0.1/32 -> 10.20.1.5 tcp/80",
                "10.20.1.5 -> 10.0.1.10 tcp/443",
                "10.20.1.5 -> 10.0.1.10 tcp/1024-1064",
                "10.20.1.5 -> 10.0.1.10 tcp/22",
                "10.20.1.5 -> 10.0.1.0/24 tcp/443",
            ],
        );
    });
});

describe("small rules", () => {
    const sizes: [string, boolean][] = [
        ["m5.2xlarge", true],
        ["m5.xlarge", false],
        ["m5.large", false],
        ["m6a.4xlarge", true],
        ["c5.metal", true],
        ["m5.24xlarge", true],
        ["nonsense", false],
    ];
    for (const [t, ok] of sizes) {
        it(`isAtLeast2xlarge(${t}) = ${ok}`, () => assert.strictEqual(isAtLeast2xlarge(t), ok));
    }
    it("activation key shape", () => {
        assert.strictEqual(isActivationKey("F0EFT-7FPPR-GG7MC-3I9R3-27DOH"), true);
        assert.strictEqual(isActivationKey(" F0EFT-7FPPR-GG7MC-3I9R3-27DOH\n"), true);
        assert.strictEqual(isActivationKey("f0eft-7fppr-gg7mc-3i9r3-27doh"), false);
        assert.strictEqual(isActivationKey("F0EFT-7FPPR-GG7MC-3I9R3"), false);
    });
    it("service names and FIPS Regions", () => {
        assert.strictEqual(datasyncServiceName("eu-west-2", false), "com.amazonaws.eu-west-2.datasync");
        assert.strictEqual(datasyncServiceName("us-east-1", true), "com.amazonaws.us-east-1.datasync-fips");
        assert.strictEqual(hasFips("us-gov-west-1"), true);
        assert.strictEqual(hasFips("eu-west-2"), false);
        assert.deepStrictEqual(["eu-west-2", "us-gov-west-1", "EU-west-2", "london"].map(isRegion), [true, true, false, false]);
    });
});
