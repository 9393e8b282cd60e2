// Where a side's resources go. The endpoint, its VPC and the activated agent always live on the
// destination side (DataSync: "Your service endpoint, VPC, and DataSync agent must belong to the
// same AWS account"); only the agent VM and the link's source half may sit elsewhere.
//
// A side that only names a Region keeps everything the stack configured for AWS (profile, roles,
// default tags, endpoints): its resources and lookups name the Region themselves, through the
// `region` argument every resource and function of @pulumi/aws v7 takes ("Defaults to the Region
// set in the provider configuration"). Only a side that needs other credentials - a role or a
// profile - gets its own provider, built from the stack's `aws:` settings plus the side's, because
// an explicit provider does not read the stack's configuration ("By default, resources use
// package-wide configuration settings, however an explicit Provider instance may be created").
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AwsSide } from "../args/side";
import { DEFAULTS } from "../plan/defaults";
import { inheritedProviderArgs } from "./stackConfig";

export type SideName = "source" | "destination";

export interface Placement {
    /** The side's own provider when it uses other credentials; undefined: the inherited provider. */
    provider?: aws.Provider;
    /** The side's Region when it names one; undefined: the provider's Region. */
    region?: pulumi.Input<string>;
}

export type Placements = Record<SideName, Placement>;

function sideProvider(name: string, role: SideName, side: AwsSide, parent: pulumi.Resource): aws.Provider | undefined {
    if (side.roleArn === undefined && side.profile === undefined) {
        return undefined;
    }
    const inherited = inheritedProviderArgs();
    const assumeRoles = side.roleArn
        ? [...(inherited.assumeRoles ?? []), { roleArn: side.roleArn, externalId: side.externalId, sessionName: side.sessionName ?? DEFAULTS.side.sessionName }]
        : inherited.assumeRoles;
    return new aws.Provider(
        `${name}-${role}`,
        { ...inherited, region: side.region ?? inherited.region, profile: side.profile ?? inherited.profile, assumeRoles },
        { parent },
    );
}

export function placements(name: string, sides: { source?: AwsSide; destination?: AwsSide }, parent: pulumi.Resource): Placements {
    const place = (role: SideName): Placement => {
        const side = sides[role];
        return side ? { provider: sideProvider(name, role, side, parent), region: side.region } : {};
    };
    return { source: place("source"), destination: place("destination") };
}

/** Options for a child on one side. */
export function onSide(parent: pulumi.Resource, p: Placement, extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions {
    return { parent, ...(p.provider ? { provider: p.provider } : {}), ...extra };
}

/** Options for a lookup on one side; the Region goes in the lookup's own `region` argument. */
export function lookupOn(parent: pulumi.Resource, p: Placement): pulumi.InvokeOutputOptions {
    return { parent, ...(p.provider ? { provider: p.provider } : {}) };
}

/** The `region` argument for a resource or lookup of this side (nothing when it uses the provider's). */
export function regionOf(p: Placement): { region?: pulumi.Input<string> } {
    return p.region === undefined ? {} : { region: p.region };
}

export function withName(tags: pulumi.Input<{ [key: string]: pulumi.Input<string> }> | undefined, name: string): pulumi.Output<{ [key: string]: string }> {
    return pulumi.output(tags ?? {}).apply((t): { [key: string]: string } => ({ Name: name, ...(t as { [key: string]: string }) }));
}
