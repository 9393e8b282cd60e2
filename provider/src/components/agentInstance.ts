// An EC2 agent from AWS's DataSync AMI, hardened: no public IP, IMDSv2 only, an
// encrypted root volume, and a security group that opens port 80 to the activation
// sources alone.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AgentInstance } from "../args/agentSpec";
import { AgentMode, AMI_PARAMETER, DEFAULT_INSTANCE_TYPE, parseSource, planAgentRules, ROOT_VOLUME_GIB } from "../plan";
import { invokeOn, on, withName } from "./sides";

export interface AgentInstanceInputs {
    /** The DataSync agent's name, tagged on the instance so policies and people can tell it is an agent. */
    agentName: pulumi.Input<string>;
    instance: AgentInstance;
    agentMode: AgentMode;
    activationSourceCidrs: pulumi.Input<string>[];
    endpointIp: pulumi.Input<string>;
    taskSubnetCidr: pulumi.Input<string>;
    supportChannel: boolean;
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /** Resolves only when the inputs passed validation. */
    ready: pulumi.Output<unknown>;
}

export interface LaunchedAgent {
    instance: aws.ec2.Instance;
    /** The agent group's rules; activation waits for them (port 80 in, endpoint out). */
    rules: pulumi.Resource[];
}

export function launchAgentInstance(name: string, i: AgentInstanceInputs, parent: pulumi.Resource, provider?: aws.Provider): LaunchedAgent {
    const subnetId = pulumi.all([i.ready, i.instance.subnetId]).apply(([, s]) => s);
    const vpcId = aws.ec2.getSubnetOutput({ id: subnetId }, invokeOn(parent, provider)).vpcId;
    const group = new aws.ec2.SecurityGroup(
        `${name}-agent-sg`,
        { vpcId, description: "DataSync agent: port 80 from activation sources; out to the endpoint and task interfaces", tags: withName(i.tags, `${name}-agent-sg`) },
        on(parent, provider),
    );
    const rules: pulumi.Resource[] = [];
    for (const rule of planAgentRules(i.activationSourceCidrs.length, i.supportChannel)) {
        const peer =
            rule.peer.kind === "source"
                ? pulumi.output(i.activationSourceCidrs[rule.peer.index]).apply((s) => parseSource(s)!.text)
                : rule.peer.kind === "endpointIp"
                  ? pulumi.output(i.endpointIp).apply((ip) => `${ip}/32`)
                  : pulumi.output(i.taskSubnetCidr);
        const args = {
            securityGroupId: group.id,
            cidrIpv4: peer,
            ipProtocol: rule.port.protocol,
            fromPort: rule.port.fromPort,
            toPort: rule.port.toPort,
            description: rule.port.purpose,
            tags: i.tags,
        };
        rules.push(
            rule.direction === "ingress"
                ? new aws.vpc.SecurityGroupIngressRule(`${name}-agent-${rule.key}`, args, on(parent, provider))
                : new aws.vpc.SecurityGroupEgressRule(`${name}-agent-${rule.key}`, args, on(parent, provider)),
        );
    }
    const ami = i.instance.amiId ?? aws.ssm.getParameterOutput({ name: AMI_PARAMETER[i.agentMode] }, invokeOn(parent, provider)).value;
    const extra = i.instance.extraSecurityGroupIds ?? [];
    const instance = new aws.ec2.Instance(
        `${name}-instance`,
        {
            ami,
            instanceType: i.instance.instanceType ?? DEFAULT_INSTANCE_TYPE[i.agentMode],
            subnetId,
            vpcSecurityGroupIds: pulumi.all([group.id, extra]).apply(([g, e]) => [g, ...e]),
            associatePublicIpAddress: false,
            keyName: i.instance.keyName,
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required" },
            rootBlockDevice: { encrypted: true, volumeSize: ROOT_VOLUME_GIB, volumeType: "gp3" },
            tags: pulumi.all([withName(i.tags, name), i.agentName]).apply(([t, agentName]) => ({ DataSyncAgent: agentName, ...t })),
        },
        // AWS republishes the AMI under the same parameter; a new image must not
        // replace a live, activated agent. The first resolved AMI is kept.
        on(parent, provider, { ignoreChanges: ["ami"] }),
    );
    return { instance, rules };
}
