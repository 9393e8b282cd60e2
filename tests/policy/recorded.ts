// A stack built by this package's own components: PrivateAgent run under the Pulumi
// mocks, every custom resource it registered recorded with its inputs, the mock's
// answers, and the resource options it was given (captured by a transformation).
import * as pulumi from "@pulumi/pulumi";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { DST, SRC } from "../fixtures/aws";
import { built, recorder, SECRET_SIG } from "../mocked/harness";
import { defaultWorld } from "../mocked/world";
import { FixtureResource, resourceOptions, urnOf } from "./fixtures";

export const RECORDED_ACTIVATION_SOURCE = "10.20.9.10/32";

function unsecret(v: unknown): unknown {
    if (Array.isArray(v)) {
        return v.map(unsecret);
    }
    if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (SECRET_SIG in o) {
            return unsecret(o.value);
        }
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unsecret(x)]));
    }
    return v;
}

export async function componentBuiltStack(): Promise<FixtureResource[]> {
    const world = defaultWorld();
    recorder.reset(world);
    const options = new Map<string, pulumi.ResourceOptions>();
    const capture: pulumi.ResourceTransformation = (t) => {
        options.set(`${t.type}::${t.name}`, t.opts);
        return undefined;
    };
    const agent = new PrivateAgent(
        "rec",
        {
            source: { roleArn: "arn:aws:iam::222222222222:role/src" },
            destination: { roleArn: "arn:aws:iam::111111111111:role/dst" },
            vpcId: DST.vpc,
            endpointSubnetIds: [DST.subnetA],
            link: {
                mode: "peering",
                sourceVpcId: SRC.vpc,
                sourceCidrBlocks: ["10.20.0.0/16"],
                destinationCidrBlocks: ["10.0.0.0/16"],
                sourceRouteTableIds: [SRC.routeTable],
                destinationRouteTableIds: [DST.routeTable],
            },
            agents: [
                { name: "ec2", instance: { subnetId: SRC.subnetA } },
                { name: "vm", address: "10.20.1.50" },
            ],
            activationSourceCidrs: [RECORDED_ACTIVATION_SOURCE],
        },
        { transformations: [capture] },
    );
    await built(agent, agent.agentArns, agent.firewallRules);
    return recorder.resources
        .filter((r) => !r.type.startsWith("datasync-privatelink:") && !r.type.startsWith("pulumi:providers:"))
        .map((r) => {
            const o = options.get(`${r.type}::${r.name}`) ?? {};
            return {
                type: r.type,
                name: r.name,
                urn: urnOf(r.type, r.name),
                props: unsecret({ ...r.state, id: r.id }) as Record<string, unknown>,
                options: resourceOptions({
                    additionalSecretOutputs: (o as pulumi.CustomResourceOptions).additionalSecretOutputs ?? [],
                    ignoreChanges: o.ignoreChanges ?? [],
                }),
                provider: { type: "pulumi:providers:aws", name: r.provider ?? "default", urn: urnOf("pulumi:providers:aws", r.provider ?? "default"), props: { region: "eu-west-2" } },
                deps: {},
            };
        });
}
