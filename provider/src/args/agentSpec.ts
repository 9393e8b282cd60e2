import * as pulumi from "@pulumi/pulumi";
import { ActivationSettings } from "./activation";

/** Basic agents support every location type; Enhanced agents (AMI v3) transfer faster but have no support channel. */
export type AgentMode = "basic" | "enhanced";

/** An EC2 agent the component launches from AWS's DataSync AMI. */
export interface AgentInstance {
    /** Subnet to launch the agent in (on the source side). */
    subnetId: pulumi.Input<string>;
    /** EC2 instance type, at least a 2xlarge. Defaults to "m5.2xlarge" (basic) or "m6a.2xlarge" (enhanced). */
    instanceType?: pulumi.Input<string>;
    /**
     * AMI to launch. Defaults to the AMI AWS publishes under /aws/service/datasync/ami (basic) or
     * /aws/service/datasync/ami/v3 (enhanced), resolved once and kept: a newer AMI never replaces a live agent.
     */
    amiId?: pulumi.Input<string>;
    /** EC2 key pair for console access. Defaults to none. */
    keyName?: pulumi.Input<string>;
    /** Extra security groups to attach beside the agent group the component creates. Defaults to none. */
    extraSecurityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
}

/** One agent of a fleet: an EC2 instance the component launches, or an existing VM by address. */
export interface AgentSpec {
    /** DataSync agent name, unique within the fleet. */
    name: string;
    /** Launch an EC2 agent. Exactly one of `instance` and `address` is required. */
    instance?: AgentInstance;
    /** IPv4 address of an existing agent VM (on premises or EC2). Exactly one of `instance` and `address` is required. */
    address?: pulumi.Input<string>;
    /** How the activation key is obtained. Defaults to a request from the machine running Pulumi. */
    activation?: ActivationSettings;
    /** Tags for this agent's resources, merged over the component's tags. Defaults to none. */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}
