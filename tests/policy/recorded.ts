// Stacks built by this package's own components: PrivateAgent run under the mocked harness
// (tests/mocked/harness.ts: Pulumi mocks answering from a per-account/Region MockWorld with the
// IDs of tests/fixtures/aws.ts), every custom resource it registered recorded with its inputs, the
// mock's outputs, the Region it landed in, and the resource options it was given (the harness's
// `capture` transformation, which children inherit).
import type { PrivateAgentArgs } from "../../provider/src/args/privateAgent";
import { PrivateAgent } from "../../provider/src/components/privateAgent";
import { ACCOUNT, DST, SOURCE_ACCOUNT, SRC } from "../fixtures/aws";
import { built, recorder, SECRET_SIG } from "../mocked/harness";
import { defaultWorld } from "../mocked/world";
import { FixtureResource, resourceOptions, urnOf } from "./fixtures";

/** The activation host the scenarios open the EC2 agents' port 80 to. */
export const RECORDED_ACTIVATION_SOURCE = "10.20.9.10/32";

/** The VPCs' address ranges as the mocked world has them (they are outside the recorded stacks). */
export const WORLD_VPC_CIDRS: Record<string, string[]> = Object.fromEntries(Object.entries(defaultWorld().vpcs).map(([id, v]) => [id, v.cidrBlocks]));

/**
 * The pack's config for the recorded stacks: the activation host is the one source of TCP 80, and
 * the overlap policy knows the outside VPCs' ranges (so it really compares them).
 */
export const RECORDED_CONFIG = {
    "datasync-agent-activation-port": { activationSourceCidrs: [RECORDED_ACTIVATION_SOURCE] },
    "connected-vpcs-no-cidr-overlap": { externalVpcCidrs: WORLD_VPC_CIDRS },
};

const SOURCE_ROLE = `arn:aws:iam::${SOURCE_ACCOUNT}:role/datasync-source`;
const DESTINATION_ROLE = `arn:aws:iam::${ACCOUNT}:role/datasync-destination`;

/** The scenarios of issue 10, as PrivateAgent inputs (the mocked tests' own shapes). */
export const SCENARIOS: Record<string, PrivateAgentArgs> = {
    // An on-premises VM over Direct Connect or VPN already in place.
    onPremises: {
        vpcId: DST.vpc,
        endpointSubnetIds: [DST.subnetA],
        agents: [{ name: "onprem1", address: "192.168.10.5" }],
        link: { mode: "existing", sourceCidrBlocks: ["192.168.0.0/16"], destinationCidrBlocks: ["10.0.0.0/16"] },
        tags: { team: "storage" },
    },
    // An EC2 agent in another account over a VPC peering in one Region.
    crossAccountPeering: {
        source: { roleArn: SOURCE_ROLE },
        destination: { roleArn: DESTINATION_ROLE },
        vpcId: DST.vpc,
        endpointSubnetIds: [DST.subnetA],
        agents: [{ name: "ec2-1", instance: { subnetId: SRC.subnetA } }],
        activationSourceCidrs: [RECORDED_ACTIVATION_SOURCE],
        link: {
            mode: "peering",
            sourceVpcId: SRC.vpc,
            sourceCidrBlocks: ["10.20.0.0/16"],
            destinationCidrBlocks: ["10.0.0.0/16"],
            sourceRouteTableIds: [SRC.routeTable],
            destinationRouteTableIds: [DST.routeTable],
        },
    },
    // An EC2 agent in another account, its VPC attached to the destination's transit gateway
    // (shared within the Organization), plus an on-premises VM behind the same link.
    transitGateway: {
        source: { roleArn: SOURCE_ROLE },
        destination: { roleArn: DESTINATION_ROLE },
        vpcId: DST.vpc,
        endpointSubnetIds: [DST.subnetA],
        agents: [
            { name: "ec2-1", instance: { subnetId: SRC.subnetA } },
            { name: "vm", address: "10.20.1.50" },
        ],
        activationSourceCidrs: [RECORDED_ACTIVATION_SOURCE],
        link: {
            mode: "transitGateway",
            transitGatewayId: DST.tgw,
            transitGatewaySharing: "ramOrganization",
            sourceVpcId: SRC.vpc,
            sourceSubnetIds: [SRC.subnetA],
            sourceCidrBlocks: ["10.20.0.0/16"],
            destinationCidrBlocks: ["10.0.0.0/16"],
            sourceRouteTableIds: [SRC.routeTable],
            destinationRouteTableIds: [DST.routeTable],
        },
    },
};

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

/** Runs one scenario under the mocks and returns what it registered, as policy fixtures. */
export async function componentBuiltStack(scenario: keyof typeof SCENARIOS): Promise<FixtureResource[]> {
    recorder.reset(defaultWorld());
    const fleet = new PrivateAgent("rec", SCENARIOS[scenario], { transformations: [recorder.capture] });
    await built(fleet, fleet.agentArns, fleet.firewallRules);
    return recorder.resources
        .filter((r) => !r.type.startsWith("datasync-privatelink:") && !r.type.startsWith("pulumi:providers:"))
        .map((r) => {
            const o = recorder.optionsOf(r.name);
            const providerName = r.provider ?? `default-${r.at.region}`;
            return {
                type: r.type,
                name: r.name,
                urn: urnOf(r.type, r.name),
                props: unsecret({ ...r.state, id: r.id }) as Record<string, unknown>,
                options: resourceOptions({ additionalSecretOutputs: o.additionalSecretOutputs ?? [], ignoreChanges: o.ignoreChanges ?? [] }),
                provider: {
                    type: "pulumi:providers:aws",
                    name: providerName,
                    urn: urnOf("pulumi:providers:aws", providerName),
                    props: { region: r.at.region },
                },
                deps: {},
            };
        });
}
