// What the deploy-time lookups found, as plain data for the checks and the plans. Any field
// may be UNKNOWN in a preview where its lookup depends on a resource not created yet.
import type { Unknown } from "./known";
import type { GatewayFacts } from "./link";

export type Maybe<T> = T | Unknown;

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
    vpcRanges: Maybe<string[]>;
    subnets: Maybe<SubnetFacts>[];
    /** Availability Zones the endpoint service is offered in; undefined: the Region has no such service. */
    serviceZones: Maybe<string[] | undefined>;
    adopted?: Maybe<AdoptedEndpointFacts>;
    /** The security group the endpoint uses when one is adopted (named, or the adopted endpoint's only group). */
    adoptedGroup?: Maybe<{ id: string; arn: string; vpcId: string }>;
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
    sourceVpcRanges?: Maybe<string[]>;
    destinationGateway?: Maybe<GatewayLookup>;
    sourceGateway?: Maybe<GatewayLookup>;
    /** The route table the activation subnet's traffic leaves by. */
    activationRouteTable?: Maybe<string>;
}

export interface InstanceTypeFacts {
    architectures: string[];
    memoryMib: number;
    offeredIn: string[];
}

/** One EC2 agent: where it launches and what it launches as. */
export interface AgentInstanceFacts {
    subnet: Maybe<SubnetFacts>;
    instanceType: Maybe<InstanceTypeFacts>;
}
