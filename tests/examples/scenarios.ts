// The three scenarios every language has an example of (examples/<language>-<scenario>): the stack
// configuration a user would set for the examples' world (world.ts), and where AWS requires each
// resource to land. The programs of one scenario read the same configuration keys in every language.
import { ACCOUNT, DST, OTHER_REGION, REGION, SOURCE_ACCOUNT, SRC, T } from "../fixtures/aws";
import { RANGES, US, VGW } from "./world";

export type ScenarioKey = "onprem-existing" | "ec2-cross-account-peering" | "ec2-cross-region-tgw";
export type Language = "ts" | "python" | "go";
export const LANGUAGES: Language[] = ["ts", "python", "go"];
export const SCENARIOS: ScenarioKey[] = ["onprem-existing", "ec2-cross-account-peering", "ec2-cross-region-tgw"];

/** "account/Region". */
export type Place = string;
const DESTINATION: Place = `${ACCOUNT}/${REGION}`;

export interface Scenario {
    key: ScenarioKey;
    /** `pulumi config set --path` pairs; `activation` is the tunnel address the activation goes to. */
    config(activation: string): Array<[string, string]>;
    destination: Place;
    source: Place;
    /**
     * Every AWS resource type the example creates, and the sides it is created on: the endpoint, its
     * VPC and aws.datasync.Agent in the destination account and Region ("Your service endpoint, VPC,
     * and DataSync agent must belong to the same AWS account", DataSync user guide,
     * choose-service-endpoint); the agent VM and its group on the source side; a peering requested by
     * the requester VPC's owner and accepted by the peer's; each VPC attached to a transit gateway of
     * its own Region, the gateway peering requested by the source gateway's owner and accepted by
     * the destination's, and associated with a route table of each gateway, which its owner manages
     * (Transit Gateways guide, "Transit gateway peering attachments").
     */
    placement: Record<string, Array<"destination" | "source">>;
    /**
     * `--policy-pack-config` for `pulumi preview --policy-pack policy/`: the organisation's approved
     * activation sources, which datasync-agent-activation-port needs to accept an EC2 agent's port 80
     * rule (policy/README.md, policy 4). None for an on-premises agent (no port 80 rule).
     */
    policyConfig?: Record<string, unknown>;
}

const list = (key: string, values: string[]): Array<[string, string]> => values.map((v, i) => [`${key}[${i}]`, v]);
const activation = (address: string): Array<[string, string]> => [["activationAddressOverride", address]];
const initialTags: Array<[string, string]> = [["tags.team", "storage"]];
/** The machine running Pulumi, as the agent's VPC sees it (e.g. a CI runner there). */
const PEERING_ACTIVATION_SOURCES = ["10.20.9.10/32"];
const TGW_ACTIVATION_SOURCES = ["10.30.9.10/32"];

const onprem: Scenario = {
    key: "onprem-existing",
    config: (address) => [
        ["aws:region", REGION],
        ["vpcId", DST.vpc],
        ...list("endpointSubnetIds", [DST.subnetB, DST.subnetA]),
        ...list("vpcCidrBlocks", [RANGES.destination]),
        ["agentAddress", "192.168.10.5"],
        ...list("onPremCidrBlocks", [RANGES.onPrem]),
        ...list("routeTableIds", [DST.routeTable]),
        ["vpnGatewayId", VGW],
        ...activation(address),
        ...initialTags,
    ],
    destination: DESTINATION,
    source: DESTINATION,
    placement: {
        [T.securityGroup]: ["destination"],
        [T.ingressRule]: ["destination"],
        [T.vpcEndpoint]: ["destination"],
        [T.route]: ["destination"],
        [T.datasyncAgent]: ["destination"],
    },
};

const peering: Scenario = {
    key: "ec2-cross-account-peering",
    config: (address) => [
        ["aws:region", REGION],
        ["sourceRoleArn", `arn:aws:iam::${SOURCE_ACCOUNT}:role/datasync-source`],
        ["destinationRoleArn", `arn:aws:iam::${ACCOUNT}:role/datasync-destination`],
        ["sourceVpcId", SRC.vpc],
        ...list("sourceCidrBlocks", [RANGES.sourceAccount]),
        ...list("sourceRouteTableIds", [SRC.routeTable]),
        ["agentSubnetId", SRC.subnetA],
        ...list("activationSourceCidrs", PEERING_ACTIVATION_SOURCES),
        ["vpcId", DST.vpc],
        ...list("vpcCidrBlocks", [RANGES.destination]),
        ...list("routeTableIds", [DST.routeTable]),
        ...list("endpointSubnetIds", [DST.subnetA, DST.subnetB]),
        ...activation(address),
        ...initialTags,
    ],
    destination: DESTINATION,
    source: `${SOURCE_ACCOUNT}/${REGION}`,
    placement: {
        [T.securityGroup]: ["destination", "source"],
        [T.ingressRule]: ["destination", "source"],
        [T.egressRule]: ["source"],
        [T.vpcEndpoint]: ["destination"],
        [T.instance]: ["source"],
        [T.vpcPeering]: ["source"],
        [T.vpcPeeringAccepter]: ["destination"],
        [T.route]: ["destination", "source"],
        [T.datasyncAgent]: ["destination"],
    },
    policyConfig: { "datasync-agent-activation-port": { activationSourceCidrs: PEERING_ACTIVATION_SOURCES } },
};

const transitGateway: Scenario = {
    key: "ec2-cross-region-tgw",
    config: (address) => [
        ["aws:region", REGION],
        ["sourceRegion", OTHER_REGION],
        ["sourceVpcId", US.vpc],
        ...list("sourceCidrBlocks", [RANGES.sourceRegion]),
        ...list("sourceSubnetIds", [US.subnetA]),
        ...list("sourceRouteTableIds", [US.routeTable]),
        ["sourceTransitGatewayId", US.tgw],
        ["agentSubnetId", US.subnetA],
        ...list("activationSourceCidrs", TGW_ACTIVATION_SOURCES),
        ["transitGatewayId", DST.tgw],
        ["vpcId", DST.vpc],
        ...list("vpcCidrBlocks", [RANGES.destination]),
        ...list("routeTableIds", [DST.routeTable]),
        ...list("endpointSubnetIds", [DST.subnetA, DST.subnetB]),
        ...activation(address),
        ...initialTags,
    ],
    destination: DESTINATION,
    source: `${ACCOUNT}/${OTHER_REGION}`,
    placement: {
        [T.securityGroup]: ["destination", "source"],
        [T.ingressRule]: ["destination", "source"],
        [T.egressRule]: ["source"],
        [T.vpcEndpoint]: ["destination"],
        [T.instance]: ["source"],
        [T.tgwVpcAttachment]: ["destination", "source"],
        [T.tgwPeering]: ["source"],
        [T.tgwPeeringAccepter]: ["destination"],
        [T.tgwRouteTableAssociation]: ["destination", "source"],
        [T.tgwRoute]: ["destination", "source"],
        [T.route]: ["destination", "source"],
        [T.datasyncAgent]: ["destination"],
    },
    policyConfig: { "datasync-agent-activation-port": { activationSourceCidrs: TGW_ACTIVATION_SOURCES } },
};

const ALL: Record<ScenarioKey, Scenario> = { "onprem-existing": onprem, "ec2-cross-account-peering": peering, "ec2-cross-region-tgw": transitGateway };

export function scenario(key: ScenarioKey): Scenario {
    return ALL[key];
}

/** examples/<dir> of a language's example of a scenario. */
export function exampleDir(language: Language, key: ScenarioKey): string {
    return `${language}-${key}`;
}
