import * as pulumi from "@pulumi/pulumi";
import { EndpointAdoption, EndpointFeatures, EndpointPlacement } from "./endpointOptions";
import { FirewallReport } from "./firewallRule";
import { Tagging } from "./tags";

/** Inputs of ServiceEndpoint. */
export interface ServiceEndpointArgs extends EndpointPlacement, EndpointFeatures, EndpointAdoption, Tagging {
    /** Subnets for the endpoint's network interfaces, at most one per Availability Zone; put one in the agent's AZ. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Agent addresses or ranges (IPv4 or CIDR) allowed into the endpoint's security group on TCP 443 and
     * 1024-1064 (and 22 with `supportChannel`). 0.0.0.0/0 is refused. Defaults to none: agents then open the group
     * to their own addresses (Agent's `endpointSecurityGroupId`).
     */
    allowedSources?: pulumi.Input<string>[];
}

/** What agents need from an endpoint. */
export interface EndpointOutputs {
    /** ID of the DataSync interface endpoint. */
    vpcEndpointId: string;
    /** Private IPv4 of the endpoint's network interface in the activation subnet. */
    endpointPrivateIp: string;
    /** Security group of the endpoint and the task network interfaces. */
    securityGroupId: string;
}

/** Outputs of ServiceEndpoint. */
export interface ServiceEndpointOutputs extends EndpointOutputs, FirewallReport {
    /** ARN of the endpoint's security group, as CreateAgent takes it. */
    securityGroupArn: string;
    /** ARN of the activation subnet, as CreateAgent takes it. */
    subnetArn: string;
    /** The endpoint's Region (the activation Region). */
    region: string;
}
