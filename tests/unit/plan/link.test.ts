// plan/link.ts: planLink's full plan for every mode and every combination of accounts, Regions,
// sharing, explicit gateway tables and auto-accept that changes it. The rules are those cited in
// the module: VPC peering guide (peerRegion across Regions), Terraform's ram resource_share_accepter
// (no invitation inside an Organization with RAM sharing), AcceptTransitGatewayVpcAttachment only
// when the gateway does not auto-accept, explicit associations/propagations for segmented gateways,
// and static routes over a transit gateway peering attachment (tgw-peering-add-route).
import * as assert from "assert";
import { GatewayFacts, GatewayPlan, LinkInputs, LinkPlan, LinkRoute, NextHop, planLink } from "../../../provider/src/plan/link";

/** One source table, two destination tables, two source ranges, one destination range. */
const COUNTS = { sourceTables: 1, destinationTables: 2, sourceRanges: 2, destinationRanges: 1 };

const BASE: LinkInputs = {
    mode: "transitGateway",
    crossAccount: false,
    crossRegion: false,
    sourceGateway: false,
    gatewayOwned: true,
    sharing: "ram",
    explicitTables: { destination: false, source: false },
    gateways: {},
    existingTarget: false,
    counts: COUNTS,
};

const gw = (autoAccept: boolean): GatewayFacts => ({ defaultAssociation: true, defaultPropagation: true, autoAccept });

function route(key: string, side: "source" | "destination", table: number, range: number, hop: NextHop): LinkRoute {
    return { key, side, table, range, hop };
}

/** Every table of each side to every range of the other, for COUNTS. */
function routes(sourceHop: NextHop | undefined, destinationHop: NextHop): LinkRoute[] {
    const src = sourceHop === undefined ? [] : [route("src-rt0-r0", "source", 0, 0, sourceHop)];
    return [
        ...src,
        route("dst-rt0-r0", "destination", 0, 0, destinationHop),
        route("dst-rt0-r1", "destination", 0, 1, destinationHop),
        route("dst-rt1-r0", "destination", 1, 0, destinationHop),
        route("dst-rt1-r1", "destination", 1, 1, destinationHop),
    ];
}

/** The plan of one gateway in the destination Region with its default tables and no sharing. */
const SINGLE: GatewayPlan = {
    peering: false,
    share: undefined,
    sourceAttachmentAccepter: false,
    sourceVpcGateway: "destination",
    associations: [],
    propagations: [],
    staticRoutes: [],
    defaultTables: { destinationVpc: true, sourceVpc: true },
};

/** Two gateways peered across Regions, both with their default tables. */
const PEERED: GatewayPlan = {
    peering: true,
    share: undefined,
    sourceAttachmentAccepter: false,
    sourceVpcGateway: "source",
    associations: [
        { key: "destination-peering", attachment: "peering", gateway: "destination" },
        { key: "source-peering", attachment: "peering", gateway: "source" },
    ],
    propagations: [],
    staticRoutes: [
        { key: "destination-r0", gateway: "destination", range: 0 },
        { key: "destination-r1", gateway: "destination", range: 1 },
        { key: "source-r0", gateway: "source", range: 0 },
    ],
    defaultTables: { destinationVpc: true, sourceVpc: true },
};

const tgw = (gateway: GatewayPlan, peered = false): LinkPlan => ({ gateway, routes: routes(peered ? "source" : "destination", "destination") });

describe("plan/link planLink", () => {
    describe('mode "existing" (Direct Connect / VPN already in place)', () => {
        const existing: LinkInputs = { ...BASE, mode: "existing", existingTarget: true };
        it("routes only the destination tables to the source ranges, through the existing target", () => {
            assert.deepStrictEqual(planLink(existing), { routes: routes(undefined, "existing") });
        });
        it("is the same plan across accounts and Regions, whatever the gateway settings", () => {
            assert.deepStrictEqual(
                planLink({
                    ...existing,
                    crossAccount: true,
                    crossRegion: true,
                    sourceGateway: true,
                    sharing: "preShared",
                    explicitTables: { destination: true, source: true },
                    gateways: { destination: gw(false) },
                }),
                { routes: routes(undefined, "existing") },
            );
        });
        it("without a target, plans nothing", () => {
            assert.deepStrictEqual(planLink({ ...existing, existingTarget: false }), { routes: [] });
        });
    });

    describe('mode "peering"', () => {
        const peering: LinkInputs = { ...BASE, mode: "peering" };
        const table: [string, Partial<LinkInputs>, boolean][] = [
            ["same account, same Region", {}, false],
            ["cross-account, same Region", { crossAccount: true }, false],
            ["same account, cross-Region", { crossRegion: true }, true],
            ["cross-account, cross-Region", { crossAccount: true, crossRegion: true }, true],
        ];
        for (const [name, change, peerRegion] of table) {
            it(`${name}: peerRegion ${peerRegion}, routes both ways over the peering`, () => {
                assert.deepStrictEqual(planLink({ ...peering, ...change }), { peering: { peerRegion }, routes: routes("peering", "peering") });
            });
        }
        it("ignores the transit gateway settings", () => {
            assert.deepStrictEqual(
                planLink({
                    ...peering,
                    sharing: "preShared",
                    explicitTables: { destination: true, source: true },
                    gateways: { destination: gw(true) },
                    declaredAutoAccept: true,
                }),
                {
                    peering: { peerRegion: false },
                    routes: routes("peering", "peering"),
                },
            );
        });
    });

    describe('mode "transitGateway", one gateway (same Region)', () => {
        it("same account, default tables: attachments only, no share, no accepter", () => {
            assert.deepStrictEqual(planLink(BASE), tgw(SINGLE));
        });

        it("same account, explicit tables: both VPC attachments associated and propagated explicitly", () => {
            assert.deepStrictEqual(
                planLink({ ...BASE, explicitTables: { destination: true, source: false } }),
                tgw({
                    ...SINGLE,
                    associations: [
                        { key: "destination-destinationVpc", attachment: "destinationVpc", gateway: "destination" },
                        { key: "destination-sourceVpc", attachment: "sourceVpc", gateway: "destination" },
                    ],
                    propagations: [
                        { key: "destination-destinationVpc", attachment: "destinationVpc", gateway: "destination" },
                        { key: "destination-sourceVpc", attachment: "sourceVpc", gateway: "destination" },
                    ],
                    defaultTables: { destinationVpc: false, sourceVpc: false },
                }),
            );
        });

        it("a source-gateway table without a source gateway changes nothing", () => {
            assert.deepStrictEqual(planLink({ ...BASE, explicitTables: { destination: false, source: true } }), tgw(SINGLE));
        });

        it("same account: no share and no accepter whatever the sharing and auto-accept", () => {
            for (const sharing of ["ram", "ramOrganization", "preShared"] as const) {
                assert.deepStrictEqual(planLink({ ...BASE, sharing, gateways: { destination: gw(false) } }), tgw(SINGLE), sharing);
            }
        });

        // Cross-account: sharing x the gateway's autoAcceptSharedAttachments (looked up).
        const crossAccount: [string, Partial<LinkInputs>, GatewayPlan["share"], boolean][] = [
            [
                '"ram", gateway does not auto-accept',
                { sharing: "ram", gateways: { destination: gw(false) } },
                { allowExternalPrincipals: true, accepter: true },
                true,
            ],
            ['"ram", gateway auto-accepts', { sharing: "ram", gateways: { destination: gw(true) } }, { allowExternalPrincipals: true, accepter: true }, false],
            [
                '"ramOrganization", gateway does not auto-accept',
                { sharing: "ramOrganization", gateways: { destination: gw(false) } },
                { allowExternalPrincipals: false, accepter: false },
                true,
            ],
            [
                '"ramOrganization", gateway auto-accepts',
                { sharing: "ramOrganization", gateways: { destination: gw(true) } },
                { allowExternalPrincipals: false, accepter: false },
                false,
            ],
            ['"preShared", gateway does not auto-accept', { sharing: "preShared", gateways: { destination: gw(false) } }, undefined, true],
            ['"preShared", gateway auto-accepts', { sharing: "preShared", gateways: { destination: gw(true) } }, undefined, false],
        ];
        for (const [name, change, share, accepter] of crossAccount) {
            it(`cross-account, ${name}: share ${JSON.stringify(share)}, accepter ${accepter}`, () => {
                assert.deepStrictEqual(planLink({ ...BASE, crossAccount: true, ...change }), tgw({ ...SINGLE, share, sourceAttachmentAccepter: accepter }));
            });
        }

        // The user's transitGatewayAutoAccept only counts while the gateway's own setting is unknown.
        const declared: [string, Partial<LinkInputs>, boolean][] = [
            ["gateway unknown, declared true", { declaredAutoAccept: true }, false],
            ["gateway unknown, declared false", { declaredAutoAccept: false }, true],
            ["gateway unknown, nothing declared", {}, true],
            ["gateway says no, declared true", { declaredAutoAccept: true, gateways: { destination: gw(false) } }, true],
            ["gateway says yes, declared false", { declaredAutoAccept: false, gateways: { destination: gw(true) } }, false],
        ];
        for (const [name, change, accepter] of declared) {
            it(`cross-account auto-accept, ${name}: accepter ${accepter}`, () => {
                assert.strictEqual(planLink({ ...BASE, crossAccount: true, ...change }).gateway?.sourceAttachmentAccepter, accepter);
            });
        }

        it("a gateway of a third account (network hub): its owner accepts, so no accepter here", () => {
            const plan = planLink({ ...BASE, crossAccount: true, sharing: "preShared", gatewayOwned: false, gateways: { destination: gw(false) } });
            assert.strictEqual(plan.gateway?.sourceAttachmentAccepter, false);
            assert.strictEqual(plan.gateway?.share, undefined);
        });

        it("cross-account with explicit tables: share, accepter and explicit associations together", () => {
            const plan = planLink({ ...BASE, crossAccount: true, explicitTables: { destination: true, source: false }, gateways: { destination: gw(false) } });
            assert.deepStrictEqual(plan.gateway?.share, { allowExternalPrincipals: true, accepter: true });
            assert.strictEqual(plan.gateway?.sourceAttachmentAccepter, true);
            assert.deepStrictEqual(
                plan.gateway?.associations.map((a) => a.key),
                ["destination-destinationVpc", "destination-sourceVpc"],
            );
            assert.deepStrictEqual(plan.gateway?.defaultTables, { destinationVpc: false, sourceVpc: false });
        });
    });

    describe('mode "transitGateway", gateways peered across Regions', () => {
        const peered: LinkInputs = { ...BASE, crossRegion: true, sourceGateway: true };

        it("default tables: peering attachment associated on both gateways, static routes to the other side's ranges", () => {
            assert.deepStrictEqual(planLink(peered), tgw(PEERED, true));
        });

        it("explicit destination table: the destination VPC attachment joins it", () => {
            assert.deepStrictEqual(
                planLink({ ...peered, explicitTables: { destination: true, source: false } }),
                tgw(
                    {
                        ...PEERED,
                        associations: [
                            { key: "destination-destinationVpc", attachment: "destinationVpc", gateway: "destination" },
                            { key: "destination-peering", attachment: "peering", gateway: "destination" },
                            { key: "source-peering", attachment: "peering", gateway: "source" },
                        ],
                        propagations: [{ key: "destination-destinationVpc", attachment: "destinationVpc", gateway: "destination" }],
                        defaultTables: { destinationVpc: false, sourceVpc: true },
                    },
                    true,
                ),
            );
        });

        it("explicit source table: the source VPC attachment joins it", () => {
            assert.deepStrictEqual(
                planLink({ ...peered, explicitTables: { destination: false, source: true } }),
                tgw(
                    {
                        ...PEERED,
                        associations: [
                            { key: "destination-peering", attachment: "peering", gateway: "destination" },
                            { key: "source-sourceVpc", attachment: "sourceVpc", gateway: "source" },
                            { key: "source-peering", attachment: "peering", gateway: "source" },
                        ],
                        propagations: [{ key: "source-sourceVpc", attachment: "sourceVpc", gateway: "source" }],
                        defaultTables: { destinationVpc: true, sourceVpc: false },
                    },
                    true,
                ),
            );
        });

        it("explicit tables on both: every attachment associated, VPC attachments propagated, peering never propagated", () => {
            assert.deepStrictEqual(
                planLink({ ...peered, explicitTables: { destination: true, source: true } }),
                tgw(
                    {
                        ...PEERED,
                        associations: [
                            { key: "destination-destinationVpc", attachment: "destinationVpc", gateway: "destination" },
                            { key: "destination-peering", attachment: "peering", gateway: "destination" },
                            { key: "source-sourceVpc", attachment: "sourceVpc", gateway: "source" },
                            { key: "source-peering", attachment: "peering", gateway: "source" },
                        ],
                        propagations: [
                            { key: "destination-destinationVpc", attachment: "destinationVpc", gateway: "destination" },
                            { key: "source-sourceVpc", attachment: "sourceVpc", gateway: "source" },
                        ],
                        defaultTables: { destinationVpc: false, sourceVpc: false },
                    },
                    true,
                ),
            );
        });

        it("cross-account: each side attaches to its own gateway, so no share and no accepter", () => {
            for (const sharing of ["ram", "ramOrganization", "preShared"] as const) {
                assert.deepStrictEqual(
                    planLink({ ...peered, crossAccount: true, sharing, gateways: { destination: gw(false), source: gw(false) } }),
                    tgw(PEERED, true),
                    sharing,
                );
            }
        });

        it("a peered pair in one Region plans the same as across Regions", () => {
            assert.deepStrictEqual(planLink({ ...peered, crossRegion: false }), tgw(PEERED, true));
        });
    });

    describe("counts", () => {
        it("no tables and no ranges: no routes and no static routes", () => {
            const zero = { sourceTables: 0, destinationTables: 0, sourceRanges: 0, destinationRanges: 0 };
            assert.deepStrictEqual(planLink({ ...BASE, sourceGateway: true, counts: zero }), { gateway: { ...PEERED, staticRoutes: [] }, routes: [] });
            assert.deepStrictEqual(planLink({ ...BASE, mode: "peering", counts: zero }), { peering: { peerRegion: false }, routes: [] });
        });
        it("static routes follow the range counts: destination gateway to source ranges, source gateway to destination ranges", () => {
            const plan = planLink({ ...BASE, sourceGateway: true, counts: { sourceTables: 0, destinationTables: 0, sourceRanges: 1, destinationRanges: 3 } });
            assert.deepStrictEqual(
                plan.gateway?.staticRoutes.map((r) => `${r.gateway}:${r.range}:${r.key}`),
                ["destination:0:destination-r0", "source:0:source-r0", "source:1:source-r1", "source:2:source-r2"],
            );
        });
    });
});
