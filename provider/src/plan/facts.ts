// What the deploy-time lookups found, as plain data for the checks and the plans. Any field
// may be UNKNOWN in a preview where its lookup depends on a resource not created yet.
import type { Unknown } from "./known";
import type { GatewayFacts } from "./link";
import type { RouteTableFacts } from "./validate/routeTables";

export type Maybe<T> = T | Unknown;

/** A lookup of an ID the user gave that AWS does not know (in that account and Region). */
export interface Missing {
    missing: string;
}

/** A looked-up thing, or UNKNOWN in a preview, or Missing when AWS has no such thing. */
export type Found<T> = Maybe<T> | Missing;

export function isMissing(v: unknown): v is Missing {
    return typeof v === "object" && v !== null && typeof (v as Missing).missing === "string";
}

export interface SideFacts {
    /** The account the side's credentials resolve to (STS GetCallerIdentity). */
    account: string;
    region: string;
}

export interface SubnetFacts {
    id: string;
    vpcId: string;
    availabilityZone: string;
    availableIpAddressCount: number;
    cidrBlock: string;
    arn: string;
}

export interface EndpointInterface {
    id: string;
    subnetId: string;
    privateIp: string;
}

export interface AdoptedEndpointFacts {
    id: string;
    vpcId: string;
    serviceName: string;
    privateDnsEnabled: boolean;
    state: string;
    securityGroupIds: string[];
    interfaces: EndpointInterface[];
}

/** The destination side: the endpoint's VPC, subnets and service. */
export interface EndpointFacts {
    vpcRanges: Found<string[]>;
    subnets: Found<SubnetFacts>[];
    /** Availability Zones the endpoint service is offered in; undefined: the Region has no such service. */
    serviceZones: Maybe<string[] | undefined>;
    adopted?: Found<AdoptedEndpointFacts>;
    /** The security group the endpoint uses when one is adopted (named, or the adopted endpoint's only group). */
    adoptedGroup?: Found<{ id: string; arn: string; vpcId: string }>;
    /** Subnets where this component's own endpoint (from an earlier deployment) already holds an address. */
    ownEndpointSubnets: Maybe<string[]>;
}

export interface GatewayLookup extends GatewayFacts {
    arn: string;
    ownerId: string;
    associationTableId: string;
    propagationTableId: string;
}

export interface LinkFacts {
    sourceVpcRanges?: Found<string[]>;
    destinationGateway?: Found<GatewayLookup>;
    sourceGateway?: Found<GatewayLookup>;
    /** The route table the activation subnet's traffic leaves by. */
    activationRouteTable?: Found<string>;
    /** What the link's route tables hold now; undefined when the link adds no routes. */
    routeTables?: RouteTableFacts;
}

export interface InstanceTypeFacts {
    architectures: string[];
    memoryMib: number;
    offeredIn: string[];
}

/** One EC2 agent: where it launches and what it launches as. */
export interface AgentInstanceFacts {
    subnet: Found<SubnetFacts>;
    instanceType: Found<InstanceTypeFacts>;
}
