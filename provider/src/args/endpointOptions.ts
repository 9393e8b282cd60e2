import * as pulumi from "@pulumi/pulumi";

/** Where the DataSync interface endpoint lives. */
export interface EndpointPlacement {
    /** The destination VPC the DataSync interface endpoint lives in (the activation account and Region). */
    vpcId: pulumi.Input<string>;
    /**
     * The subnet agents activate against and DataSync tasks place their network interfaces in; one of the
     * endpoint's subnets. Defaults to the first of them.
     */
    activationSubnetId?: pulumi.Input<string>;
}

/** What the endpoint offers; an agent must agree with its endpoint on both. */
export interface EndpointFeatures {
    /**
     * Use the FIPS endpoint service (com.amazonaws.<region>.datasync-fips, in the Regions that have one): the
     * endpoint is made from it and agents are activated for it.
     * @default endpoint.fips
     */
    fips?: boolean;
    /**
     * Open the AWS Support channel: TCP 22 from the agents to the endpoint, in the endpoint's security group and in
     * an EC2 agent's own group. Basic agents only.
     * @default endpoint.supportChannel
     */
    supportChannel?: boolean;
}

/** Existing resources the endpoint can adopt instead of creating its own. */
export interface EndpointAdoption {
    /**
     * Adopt this existing DataSync interface endpoint instead of creating one (several agents can share one); its
     * service, VPC and private DNS setting are checked. Defaults to creating one.
     */
    existingVpcEndpointId?: pulumi.Input<string>;
    /**
     * Adopt this existing security group for the endpoint and task interfaces instead of creating one; the component
     * adds its ingress rules to it. Defaults to creating one.
     */
    existingSecurityGroupId?: pulumi.Input<string>;
}
