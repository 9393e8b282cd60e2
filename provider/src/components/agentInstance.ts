// An EC2 agent from AWS's DataSync AMI, hardened: no public IP, IMDSv2 only, an encrypted root
// volume, and only the agent group (plus any extra groups the user names).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AgentInstance } from "../args/agentSpec";
import type { AgentMode } from "../args/agentSpec";
import { DEFAULTS } from "../plan";
import { lookupOn, onSide, Placement, regionOf, withName } from "./placement";

export interface AgentInstanceInputs {
    /** The DataSync agent's name, tagged on the instance so policies and people can tell it is an agent. */
    agentName: pulumi.Input<string>;
    instance: AgentInstance;
    agentMode: AgentMode;
    groupId: pulumi.Input<string>;
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

export function launchAgentInstance(name: string, i: AgentInstanceInputs, parent: pulumi.Resource, placement: Placement): aws.ec2.Instance {
    // The parameter's value is a public AMI ID: insecureValue keeps it readable in previews and state
    // (`value` is always marked secret, @pulumi/aws ssm/getParameter.d.ts).
    const ami =
        i.instance.amiId ??
        aws.ssm.getParameterOutput({ name: DEFAULTS.instance.amiParameter[i.agentMode], ...regionOf(placement) }, lookupOn(parent, placement)).insecureValue;
    const extra = i.instance.extraSecurityGroupIds ?? [];
    return new aws.ec2.Instance(
        `${name}-instance`,
        {
            ...regionOf(placement),
            ami,
            instanceType: i.instance.instanceType ?? DEFAULTS.instance.type[i.agentMode],
            subnetId: i.instance.subnetId,
            vpcSecurityGroupIds: pulumi.all([i.groupId, extra]).apply(([g, e]) => [g, ...e]),
            associatePublicIpAddress: false,
            keyName: i.instance.keyName,
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required" },
            rootBlockDevice: { encrypted: true, kmsKeyId: i.instance.rootVolumeKmsKeyId, volumeSize: DEFAULTS.instance.rootVolumeGib, volumeType: "gp3" },
            tags: pulumi.all([withName(i.tags, name), i.agentName]).apply(([t, agentName]) => ({ DataSyncAgent: agentName, ...t })),
        },
        // AWS republishes the AMI under the same parameter; a new image must not
        // replace a live, activated agent. The first resolved AMI is kept.
        onSide(parent, placement, { ignoreChanges: ["ami"] }),
    );
}
