import * as pulumi from "@pulumi/pulumi";
import { FirewallRule } from "./firewallRule";

/** Inputs of ServiceEndpoint. */
export interface ServiceEndpointArgs {
    /** The destination VPC the DataSync interface endpoint lives in (the activation account and Region). */
    vpcId: pulumi.Input<string>;
    /** Subnets for the endpoint's network interfaces, at most one per Availability Zone; put one in the agent's AZ. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The subnet agents activate against and DataSync tasks place their network interfaces in; it must be one of
     * `subnetIds`. Defaults to the first of `subnetIds`.
     */
    activationSubnetId?: pulumi.Input<string>;
    /**
     * Agent addresses or ranges (IPv4 or CIDR) allowed into the endpoint's security group on TCP 443 and
     * 1024-1064 (and 22 with `supportChannel`). 0.0.0.0/0 is refused.
     */
    allowedSources: pulumi.Input<string>[];
    /** Use the FIPS endpoint service (com.amazonaws.<region>.datasync-fips). Defaults to false. */
    fips?: boolean;
    /** Allow TCP 22 from agents to the endpoint for the AWS Support channel (Basic agents only). Defaults to false. */
    supportChannel?: boolean;
    /** Adopt this existing DataSync interface endpoint instead of creating one (several agents can share one). Defaults to creating one. */
    existingVpcEndpointId?: pulumi.Input<string>;
    /**
     * Adopt this existing security group for the endpoint and task interfaces instead of creating one; the component
     * adds its ingress rules to it. Defaults to creating one.
     */
    existingSecurityGroupId?: pulumi.Input<string>;
    /** Tags for every resource created. Keys starting with "aws:" are reserved and refused. Defaults to none. */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** Outputs of ServiceEndpoint. */
export interface ServiceEndpointOutputs {
    /** ID of the DataSync interface endpoint. */
    vpcEndpointId: string;
    /** Private IPv4 of the endpoint's network interface in the activation subnet. */
    endpointPrivateIp: string;
    /** Security group of the endpoint and the task network interfaces. */
    securityGroupId: string;
    /** ARN of that security group, as CreateAgent takes it. */
    securityGroupArn: string;
    /** ARN of the activation subnet, as CreateAgent takes it. */
    subnetArn: string;
    /** The endpoint's Region (the activation Region). */
    region: string;
    /** Flows to allow between agents and the endpoint. */
    firewallRules: FirewallRule[];
}
