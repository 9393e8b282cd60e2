// Checks of each side's credentials and Region against what the inputs say, from STS
// GetCallerIdentity and the Region each side resolves to. A role or profile that lands in an
// account other than the one named would build that side's resources in the wrong place.
import type { SideFacts } from "../facts";
import { at, Problems } from "../problems";
import { KnownSide, sideAccount } from "./side";

function checkSideAccount(p: Problems, path: string, side: KnownSide, facts: SideFacts): void {
    const declared = sideAccount(side);
    if (declared === undefined || declared === facts.account) {
        return;
    }
    const s = side as { accountId?: unknown; roleArn?: unknown; profile?: unknown };
    const field = typeof s.accountId === "string" ? "accountId" : "roleArn";
    p.add(
        at(path, field),
        typeof s[field] === "string" ? s[field] : declared,
        `the ${path} side's credentials resolve to account ${facts.account}, not ${declared}`,
        `fix ${path}.${s.profile !== undefined ? "profile" : "roleArn"} so it reaches account ${declared}, or correct the account`,
    );
}

export interface SidesCheckInputs {
    source: KnownSide;
    destination: KnownSide;
    /** A link connects the sides. */
    linked: boolean;
    /** The activation Region as given (undefined: the destination's). */
    activationRegion?: string;
    activationRegionPath: string;
}

export function checkSideFacts(p: Problems, i: SidesCheckInputs, source: SideFacts, destination: SideFacts): void {
    checkSideAccount(p, "source", i.source, source);
    checkSideAccount(p, "destination", i.destination, destination);
    if (!i.linked && source.account !== destination.account) {
        p.add(
            "link",
            undefined,
            `the agents' side (account ${source.account}) and the endpoint's side (account ${destination.account}) are different accounts, and nothing connects them`,
            'set link with mode "peering", "transitGateway" or "existing" (Direct Connect / VPN)',
        );
    }
    if (i.activationRegion !== undefined && i.activationRegion !== destination.region) {
        p.add(
            i.activationRegionPath,
            i.activationRegion,
            `the activation Region must be the endpoint's Region (${destination.region}); a key minted for another Region is refused by CreateAgent`,
            `set it to ${destination.region} or leave it unset`,
        );
    }
}

/** Region codes that AWS does not know (checked before anything is looked up in them). */
export function checkRegionsExist(p: Problems, given: { path: string; region: string | undefined }[], known: string[]): void {
    for (const g of given) {
        if (g.region !== undefined && !known.includes(g.region)) {
            p.add(g.path, g.region, "no such AWS Region in this partition (EC2 DescribeRegions)", "use a Region code such as eu-west-2");
        }
    }
}
