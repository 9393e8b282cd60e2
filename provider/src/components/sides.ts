// Per-side AWS providers. The activated agent, endpoint and task subnet always live
// on the destination side; only the agent VM may sit in another account or Region.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AwsSide } from "../args/side";

export interface SideProviders {
    source?: aws.Provider;
    destination?: aws.Provider;
}

function sideProvider(name: string, role: "source" | "destination", side: AwsSide | undefined, parent: pulumi.Resource): aws.Provider | undefined {
    if (side === undefined) {
        return undefined;
    }
    // An explicit provider does not see the stack's aws:region, so a side without a
    // Region takes the inherited provider's.
    const region = side.region ?? aws.getRegionOutput({}, { parent }).region;
    return new aws.Provider(
        `${name}-${role}`,
        {
            region,
            profile: side.profile,
            assumeRoles: side.roleArn
                ? [{ roleArn: side.roleArn, externalId: side.externalId, sessionName: side.sessionName ?? "datasync-privatelink" }]
                : undefined,
        },
        { parent },
    );
}

export function sideProviders(name: string, source: AwsSide | undefined, destination: AwsSide | undefined, parent: pulumi.Resource): SideProviders {
    return {
        source: sideProvider(name, "source", source, parent),
        destination: sideProvider(name, "destination", destination, parent),
    };
}

/** Options for a child on one side: the side's provider when it has one, else inherited. */
export function on(parent: pulumi.Resource, provider: aws.Provider | undefined, extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions {
    return { parent, ...(provider ? { provider } : {}), ...extra };
}

export function invokeOn(parent: pulumi.Resource, provider: aws.Provider | undefined): pulumi.InvokeOutputOptions {
    return { parent, ...(provider ? { provider } : {}) };
}

export function withName(tags: pulumi.Input<{ [key: string]: pulumi.Input<string> }> | undefined, name: string): pulumi.Output<{ [key: string]: string }> {
    return pulumi.output(tags ?? {}).apply((t): { [key: string]: string } => ({ Name: name, ...(t as { [key: string]: string }) }));
}
