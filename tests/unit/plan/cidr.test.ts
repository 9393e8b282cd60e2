// plan/cidr.ts: exact tables for parsing and overlap, and properties checked against the
// integer-interval model in ./ipv4 (not against ipaddr.js, which the module uses).
import * as assert from "assert";
import * as fc from "fast-check";
import { contains, findCrossSideOverlaps, isIpv4, isWorld, LabelledRange, overlaps, parseCidr, parseSource } from "../../../provider/src/plan/cidr";
import { address, intersect, ipText, last, networkOf, range, Range, rangeText, size } from "./ipv4";

const cidr = (text: string) => {
    const c = parseCidr(text);
    assert.ok(c, `${text} should parse`);
    return c;
};
const of = (r: Range) => cidr(rangeText(r));

describe("plan/cidr", () => {
    describe("isIpv4", () => {
        const table: [unknown, boolean][] = [
            ["10.0.1.5", true],
            ["0.0.0.0", true],
            ["255.255.255.255", true],
            ["256.0.0.1", false],
            ["10.0.1", false],
            ["10.0.1.5/32", false],
            ["010.0.1.5", false],
            ["0x0a.0.1.5", false],
            ["10.0.1.5 ", false],
            ["::1", false],
            ["", false],
            [167772421, false],
            [undefined, false],
        ];
        for (const [v, want] of table) {
            it(`${JSON.stringify(v)} -> ${want}`, () => assert.strictEqual(isIpv4(v), want));
        }
    });

    describe("parseCidr", () => {
        // AWS refuses host bits in VPC and route CIDRs (CreateRoute/CreateVpc InvalidParameterValue);
        // the module refuses them everywhere.
        const table: [unknown, { text: string; prefix: number; network: string } | undefined][] = [
            ["10.0.0.0/16", { text: "10.0.0.0/16", prefix: 16, network: "10.0.0.0" }],
            ["0.0.0.0/0", { text: "0.0.0.0/0", prefix: 0, network: "0.0.0.0" }],
            ["10.0.1.5/32", { text: "10.0.1.5/32", prefix: 32, network: "10.0.1.5" }],
            ["192.168.128.0/17", { text: "192.168.128.0/17", prefix: 17, network: "192.168.128.0" }],
            ["10.0.0.1/16", undefined],
            ["10.0.128.0/16", undefined],
            ["10.0.0.0/33", undefined],
            ["10.0.0.0/-1", undefined],
            ["10.0.0.0", undefined],
            ["10.0.0/16", undefined],
            ["010.0.0.0/8", undefined],
            ["10.0.0.0/16 ", undefined],
            ["fd00::/8", undefined],
            ["", undefined],
            [null, undefined],
            [16, undefined],
        ];
        for (const [input, want] of table) {
            it(`${JSON.stringify(input)} -> ${want?.text}`, () => {
                const c = parseCidr(input);
                assert.deepStrictEqual(c && { text: c.text, prefix: c.prefix, network: c.network.toString() }, want);
            });
        }
    });

    describe("parseSource", () => {
        const table: [unknown, string | undefined][] = [
            ["10.1.2.3", "10.1.2.3/32"],
            ["10.1.2.0/24", "10.1.2.0/24"],
            ["10.1.2.3/24", undefined],
            ["0.0.0.0", "0.0.0.0/32"],
            ["0.0.0.0/0", "0.0.0.0/0"],
            ["host.example", undefined],
            [undefined, undefined],
        ];
        for (const [input, want] of table) {
            it(`${JSON.stringify(input)} -> ${want}`, () => assert.strictEqual(parseSource(input)?.text, want));
        }
    });

    describe("overlaps, contains, isWorld", () => {
        const table: [string, string, boolean][] = [
            ["10.0.0.0/16", "10.0.0.0/16", true],
            ["10.0.0.0/16", "10.0.255.0/24", true],
            ["10.0.0.0/8", "10.200.3.4/32", true],
            ["0.0.0.0/0", "192.168.1.0/24", true],
            ["10.0.0.0/16", "10.1.0.0/16", false],
            ["10.0.0.0/17", "10.0.128.0/17", false],
            ["10.0.0.0/24", "10.0.1.0/24", false],
            ["10.0.1.255/32", "10.0.2.0/32", false],
            ["172.16.0.0/12", "172.32.0.0/16", false],
        ];
        for (const [a, b, want] of table) {
            it(`${a} ~ ${b}: ${want}`, () => assert.strictEqual(overlaps(cidr(a), cidr(b)), want));
        }
        const containsTable: [string, string, boolean][] = [
            ["10.0.0.0/16", "10.0.255.255", true],
            ["10.0.0.0/16", "10.1.0.0", false],
            ["10.0.0.0/16", "10.0.0.0/24", false],
            ["10.0.0.0/16", "nonsense", false],
            ["0.0.0.0/0", "203.0.113.9", true],
        ];
        for (const [r, a, want] of containsTable) {
            it(`contains(${r}, ${a}) = ${want}`, () => assert.strictEqual(contains(cidr(r), a), want));
        }
        it("only /0 is the world", () => {
            assert.deepStrictEqual(
                ["0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1", "10.0.0.0/8"].map((t) => isWorld(cidr(t))),
                [true, false, false, false],
            );
        });
    });

    describe("findCrossSideOverlaps", () => {
        it("reports opposite-side pairs only, in input order, naming both origins", () => {
            const ranges: LabelledRange[] = [
                { cidr: "10.0.0.0/16", origin: "src[0]", side: "source" },
                { cidr: "10.0.1.0/24", origin: "src[1]", side: "source" },
                { cidr: "10.1.0.0/16", origin: "dst[0]", side: "destination" },
                { cidr: "10.0.128.0/17", origin: "dst[1]", side: "destination" },
                { cidr: "192.168.0.0/16", origin: "dst[2]", side: "destination" },
                { cidr: "10.1.2.0/24", origin: "onprem[0]", side: "source" },
            ];
            assert.deepStrictEqual(
                findCrossSideOverlaps(ranges).map((o) => [o.a.origin, o.b.origin]),
                [
                    ["src[0]", "dst[1]"],
                    ["dst[0]", "onprem[0]"],
                ],
            );
        });
        it("passes the labelled ranges through unchanged", () => {
            const a: LabelledRange = { cidr: "10.0.0.0/8", origin: "a", side: "source" };
            const b: LabelledRange = { cidr: "10.9.0.0/16", origin: "b", side: "destination" };
            const [o] = findCrossSideOverlaps([a, b]);
            assert.strictEqual(o.a, a);
            assert.strictEqual(o.b, b);
        });
        it("skips entries that are not CIDRs instead of failing", () => {
            assert.deepStrictEqual(
                findCrossSideOverlaps([
                    { cidr: "10.0.0.1/16", origin: "bad", side: "source" },
                    { cidr: "not a range", origin: "worse", side: "source" },
                    { cidr: "10.0.0.0/16", origin: "dst", side: "destination" },
                ]),
                [],
            );
        });
        it("finds nothing in an empty list or a single side", () => {
            assert.deepStrictEqual(findCrossSideOverlaps([]), []);
            assert.deepStrictEqual(
                findCrossSideOverlaps([
                    { cidr: "10.0.0.0/16", origin: "x", side: "destination" },
                    { cidr: "10.0.0.0/16", origin: "y", side: "destination" },
                ]),
                [],
            );
        });
    });

    describe("properties", () => {
        it("overlap is symmetric", () => {
            fc.assert(fc.property(range, range, (a, b) => overlaps(of(a), of(b)) === overlaps(of(b), of(a))));
        });

        it("overlap is exactly interval intersection", () => {
            fc.assert(fc.property(range, range, (a, b) => overlaps(of(a), of(b)) === intersect(a, b)));
        });

        it("a range overlaps each of its subnets, and contains the subnet's first and last address", () => {
            const withSubnet = range.chain((r) =>
                fc.tuple(fc.constant(r), fc.integer({ min: r.prefix, max: 32 }), fc.integer({ min: r.network, max: last(r) })),
            );
            fc.assert(
                fc.property(withSubnet, ([r, prefix, inside]) => {
                    const sub: Range = { network: networkOf(inside, prefix), prefix };
                    return overlaps(of(r), of(sub)) && overlaps(of(sub), of(r)) && contains(of(r), ipText(sub.network)) && contains(of(r), ipText(last(sub)));
                }),
            );
        });

        it("no false positives across adjacent ranges of any sizes", () => {
            // `b` starts right after `a` ends, at b's own alignment; it touches a's last address but shares none.
            const adjacent = range
                .filter((a) => last(a) < 2 ** 32 - 1)
                .chain((a) => {
                    const start = last(a) + 1;
                    // The largest prefix-aligned block starting at `start` is bounded by start's trailing zero bits.
                    let minPrefix = 32;
                    while (minPrefix > 0 && start % size(minPrefix - 1) === 0) {
                        minPrefix--;
                    }
                    return fc.tuple(
                        fc.constant(a),
                        fc.integer({ min: Math.max(minPrefix, 1), max: 32 }).map((prefix): Range => ({ network: start, prefix })),
                    );
                });
            fc.assert(
                fc.property(adjacent, ([a, b]) => {
                    return !overlaps(of(a), of(b)) && !overlaps(of(b), of(a)) && !contains(of(a), ipText(b.network)) && !contains(of(b), ipText(last(a)));
                }),
            );
        });

        it("findCrossSideOverlaps reports exactly the opposite-side intersecting pairs", () => {
            const labelled = fc.array(fc.tuple(range, fc.constantFrom<"source" | "destination">("source", "destination")), { maxLength: 8 });
            fc.assert(
                fc.property(labelled, (items) => {
                    const input: LabelledRange[] = items.map(([r, side], i) => ({ cidr: rangeText(r), origin: `r${i}`, side }));
                    const want: string[] = [];
                    items.forEach(([a, sa], i) =>
                        items.forEach(([b, sb], j) => {
                            if (i < j && sa !== sb && intersect(a, b)) want.push(`r${i}~r${j}`);
                        }),
                    );
                    assert.deepStrictEqual(
                        findCrossSideOverlaps(input).map((o) => `${o.a.origin}~${o.b.origin}`),
                        want,
                    );
                }),
            );
        });

        it("parseCidr round-trips canonical text, prefix and network", () => {
            fc.assert(
                fc.property(range, (r) => {
                    const c = parseCidr(rangeText(r));
                    return (
                        c !== undefined &&
                        c.text === rangeText(r) &&
                        c.prefix === r.prefix &&
                        c.network.toString() === ipText(r.network) &&
                        parseCidr(c.text)?.text === c.text
                    );
                }),
            );
        });

        it("parseCidr refuses any address with host bits set", () => {
            const hostBits = fc.tuple(address, fc.integer({ min: 0, max: 31 })).filter(([n, p]) => networkOf(n, p) !== n);
            fc.assert(fc.property(hostBits, ([n, p]) => parseCidr(`${ipText(n)}/${p}`) === undefined && parseSource(`${ipText(n)}/${p}`) === undefined));
        });

        it("parseSource reads an address as its /32 and a CIDR as itself, and its text parses back to itself", () => {
            fc.assert(
                fc.property(address, range, (n, r) => {
                    const host = parseSource(ipText(n));
                    const net = parseSource(rangeText(r));
                    return (
                        host?.text === `${ipText(n)}/32` &&
                        net?.text === rangeText(r) &&
                        parseSource(host.text)?.text === host.text &&
                        parseCidr(net.text)?.text === net.text
                    );
                }),
            );
        });
    });
});
