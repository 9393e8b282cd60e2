import * as pulumi from "@pulumi/pulumi";
import { ActivationSettings } from "./activation";
import { Tagging } from "./tags";

/** Basic agents support every location type; Enhanced agents (AMI v3) transfer faster but have no support channel. */
export type AgentMode = "basic" | "enhanced";

/** The kind of agent a component makes. */
export interface AgentModeSetting {
    /**
     * Basic or Enhanced agents; picks the AMI and the default instance type.
     * @default agent.mode
     */
    agentMode?: AgentMode;
}

/**
 * An EC2 agent the component launches from AWS's DataSync AMI: no public IP, IMDSv2 only, an encrypted
 * {@default instance.rootVolumeGib} GiB gp3 root volume.
 */
export interface AgentInstance {
    /** Subnet to launch the agent in (on the source side). */
    subnetId: pulumi.Input<string>;
    /** EC2 instance type, at least a 2xlarge. Defaults by `agentMode` to {@default instance.type}. */
    instanceType?: pulumi.Input<string>;
    /**
     * AMI to launch. Defaults to the AMI AWS publishes under the SSM parameter {@default instance.amiParameter},
     * resolved once and kept: a newer AMI never replaces a live agent.
     */
    amiId?: pulumi.Input<string>;
    /** EC2 key pair for console access. Defaults to none. */
    keyName?: pulumi.Input<string>;
    /** Extra security groups to attach beside the agent group the component creates. Defaults to none. */
    extraSecurityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** KMS key for the encrypted root volume. Defaults to the account's default EBS key (aws/ebs). */
    rootVolumeKmsKeyId?: pulumi.Input<string>;
}

/** Where an agent runs and how it is activated. */
export interface AgentPlacement {
    /** Launch an EC2 agent. Exactly one of `instance` and `address` is required. */
    instance?: AgentInstance;
    /** IPv4 address of an existing agent VM (on premises or EC2). Exactly one of `instance` and `address` is required. */
    address?: pulumi.Input<string>;
    /** How the activation key is obtained. Defaults to a request from the machine running Pulumi. */
    activation?: ActivationSettings;
}

/** One agent of a fleet: an EC2 instance the component launches, or an existing VM by address. */
export interface AgentSpec extends AgentPlacement, Tagging {
    /** DataSync agent name, unique within the fleet. */
    name: string;
}
