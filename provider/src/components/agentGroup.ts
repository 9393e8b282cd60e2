// An EC2 agent's security group: port 80 in from the activation sources only; out to the
// endpoint IP, the task interfaces, its storage and custom DNS servers (planAgentRules). A
// PrivateAgent gives all its EC2 agents one such group, so the endpoint can admit the fleet by
// one reference and the rule count does not grow with the fleet.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StorageEgress } from "../args/agentNetwork";
import { AgentPeer, parseSource, planAgentRules, securityGroupNamePrefix, storageFlow } from "../plan";
import { onSide, Placement, regionOf, withName } from "./placement";

export interface AgentGroupInputs {
    vpcId: pulumi.Input<string>;
    activationSourceCidrs: pulumi.Input<string>[];
    endpointIp: pulumi.Input<string>;
    taskCidrs: pulumi.Input<string>[];
    storage: StorageEgress[];
    dnsServers: pulumi.Input<string>[];
    supportChannel: boolean;
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

export interface AgentGroup {
    id: pulumi.Output<string>;
    /** Activation waits for these (port 80 in, the endpoint out). */
    rules: pulumi.Resource[];
}

const cidrOf = (v: pulumi.Input<string>) => pulumi.output(v).apply((s) => parseSource(s)!.text);

function peerCidr(peer: AgentPeer, i: AgentGroupInputs): pulumi.Input<string> {
    switch (peer.kind) {
        case "activationSource":
            return cidrOf(i.activationSourceCidrs[peer.index]);
        case "endpointIp":
            return pulumi.output(i.endpointIp).apply((ip) => `${ip}/32`);
        case "taskCidr":
            return cidrOf(i.taskCidrs[peer.index]);
        case "storage":
            return cidrOf(i.storage[peer.index].cidrBlock);
        case "dnsServer":
            return cidrOf(i.dnsServers[peer.index]);
    }
}

/** `prefix` names the group (`<prefix>-sg`) and its rules (`<prefix>-<rule>`). */
export function agentGroup(prefix: string, i: AgentGroupInputs, parent: pulumi.Resource, placement: Placement): AgentGroup {
    const group = new aws.ec2.SecurityGroup(
        `${prefix}-sg`,
        {
            ...regionOf(placement),
            namePrefix: securityGroupNamePrefix(prefix),
            vpcId: i.vpcId,
            description: "DataSync agent: port 80 from activation sources; out to the endpoint, task interfaces and storage",
            tags: withName(i.tags, `${prefix}-sg`),
        },
        onSide(parent, placement),
    );
    const storage = i.storage.map(storageFlow);
    const plan = planAgentRules({
        activationSources: i.activationSourceCidrs.length,
        taskCidrs: i.taskCidrs.length,
        storage,
        dnsServers: i.dnsServers.length,
        supportChannel: i.supportChannel,
    });
    const rules = plan.map((rule) => {
        const args = {
            ...regionOf(placement),
            securityGroupId: group.id,
            cidrIpv4: peerCidr(rule.peer, i),
            ipProtocol: rule.port.protocol,
            fromPort: rule.port.fromPort,
            toPort: rule.port.toPort,
            description: rule.port.purpose,
            tags: i.tags,
        };
        return rule.direction === "ingress"
            ? new aws.vpc.SecurityGroupIngressRule(`${prefix}-${rule.key}`, args, onSide(parent, placement))
            : new aws.vpc.SecurityGroupEgressRule(`${prefix}-${rule.key}`, args, onSide(parent, placement));
    });
    return { id: group.id, rules };
}
