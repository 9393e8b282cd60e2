import * as pulumi from "@pulumi/pulumi";

/**
 * How to reach one side (source or destination) of a private DataSync setup: an AWS
 * Region and, for another account, the role or profile to use. The component turns
 * these settings into an AWS provider; a side without settings uses the provider the
 * component inherits.
 */
export interface AwsSide {
    /** The side's AWS Region, e.g. "eu-west-2". Defaults to the inherited provider's Region. */
    region?: pulumi.Input<string>;
    /**
     * ARN of an IAM role to assume for this side, e.g. "arn:aws:iam::111122223333:role/datasync-deployer".
     * Defaults to no role: the inherited credentials are used as they are.
     */
    roleArn?: pulumi.Input<string>;
    /** External ID required by the role's trust policy. Defaults to none. */
    externalId?: pulumi.Input<string>;
    /**
     * Session name recorded in CloudTrail for the assumed role.
     * @default side.sessionName
     */
    sessionName?: pulumi.Input<string>;
    /** Named profile from the shared AWS config to use for this side. Defaults to none. */
    profile?: pulumi.Input<string>;
    /**
     * The side's 12-digit AWS account ID. Defaults to the account of `roleArn` when a role is given,
     * else the inherited provider's account. Set it when a profile points at another account so the
     * cross-account rules can be checked before deployment.
     */
    accountId?: pulumi.Input<string>;
}

/** The two sides a component spans. */
export interface SideSettings {
    /**
     * How to reach the source side, where the agents' network is (the agent VM, the source VPC or the
     * on-premises ranges), when it is another account or Region. Defaults to the inherited provider.
     */
    source?: AwsSide;
    /**
     * How to reach the destination side: the account and Region of the endpoint's VPC, where the endpoint, the
     * task subnet and the activated agents always live (an AWS rule). Defaults to the inherited provider.
     */
    destination?: AwsSide;
}
