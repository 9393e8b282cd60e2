// Policy 9: each aws.datasync.Agent's subnet and security group belong to its endpoint's VPC, and
// the agent, subnet and group are in the endpoint's Region.
import { StackValidationPolicy } from "@pulumi/policy";
import { differentRef, idFromArn, label, Ref, refLabel, regionFromArn, Res, Stack } from "../lib/stack";
import { TYPES } from "../lib/types";
import { field, str } from "../lib/values";

interface Member {
    key: "subnetArns" | "securityGroupArns";
    what: "subnet" | "security group";
    ref: Ref;
    /** The VPC it lives in, when the stack shows it. */
    vpc?: Ref;
    /** Its Region: its own/provider Region, or the Region in its ARN. */
    region?: string;
}

function vpcOf(stack: Stack, r: Res): Ref | undefined {
    return stack.ref(r, "vpcId", [TYPES.vpc], ["id"]);
}

function members(stack: Stack, agent: Res, key: Member["key"], type: string, what: Member["what"]): Member[] {
    const out: Member[] = [];
    for (const ref of stack.refs(agent, key, [type], ["arn"]).refs) {
        if (ref.res) {
            out.push({ key, what, ref, vpc: vpcOf(stack, ref.res), region: stack.region(ref.res) });
        } else {
            // Outside the stack: only the Region in its ARN can be checked.
            const arn = (field(agent.props, key) as unknown[] | undefined)?.find((v) => typeof v === "string" && idFromArn(v) === ref.literal) as
                string | undefined;
            out.push({ key, what, ref, region: arn ? regionFromArn(arn) : undefined });
        }
    }
    return out;
}

export const agentInEndpointVpcAndRegion: StackValidationPolicy = {
    name: "datasync-agent-endpoint-placement",
    displayName: "Agents use their endpoint's VPC and Region",
    description:
        "For each aws.datasync.Agent, the subnet (subnetArns) and security group (securityGroupArns) must be in the VPC of its endpoint (vpcEndpointId), " +
        "and the agent, subnet and group must be in the endpoint's Region. Only what the stack shows is checked (resources outside it by the Region in their ARN).",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: ["datasync", "privatelink"],
    remediationSteps:
        "Pass the ARN of a subnet and a security group in the endpoint's VPC (ideally the subnet the endpoint has a network interface in, and the endpoint's own group), " +
        "and create the agent resource with the endpoint's provider/Region. The agent VM itself may be elsewhere; the activated agent resource lives with the endpoint.",
    validateStack: (args, reportViolation) => {
        const stack = new Stack(args.resources);
        const agents = stack.ofType(TYPES.datasyncAgent).filter((a) => str(field(a.props, "vpcEndpointId")) !== undefined);
        if (agents.length === 0) {
            args.notApplicable("no aws.datasync.Agent with a vpcEndpointId");
        }
        for (const agent of agents) {
            const subject = label(agent);
            const ep = stack.ref(agent, "vpcEndpointId", [TYPES.vpcEndpoint], ["id"]);
            const endpoint = ep?.res;
            const endpointVpc = endpoint ? vpcOf(stack, endpoint) : undefined;
            const endpointRegion = endpoint ? stack.region(endpoint) : undefined;
            const parts = [
                ...members(stack, agent, "subnetArns", TYPES.subnet, "subnet"),
                ...members(stack, agent, "securityGroupArns", TYPES.securityGroup, "security group"),
            ];
            if (endpoint && endpointVpc) {
                for (const m of parts) {
                    if (m.vpc && differentRef(m.vpc, endpointVpc)) {
                        reportViolation(
                            `${subject}: its ${m.what} ${refLabel(m.ref)} (${m.key}) is in VPC ${refLabel(m.vpc)}, but its endpoint ${label(endpoint)} is in VPC ${refLabel(endpointVpc)}. ` +
                                `Use a ${m.what} in the endpoint's VPC.`,
                            agent.urn,
                        );
                    }
                }
            } else if (!endpoint) {
                // Endpoint outside the stack: the subnet and the group must at least share a VPC.
                const subnet = parts.find((m) => m.key === "subnetArns" && m.vpc);
                const group = parts.find((m) => m.key === "securityGroupArns" && m.vpc);
                if (subnet?.vpc && group?.vpc && differentRef(subnet.vpc, group.vpc)) {
                    reportViolation(
                        `${subject}: its subnet ${refLabel(subnet.ref)} is in VPC ${refLabel(subnet.vpc)} but its security group ${refLabel(group.ref)} is in VPC ${refLabel(group.vpc)}. ` +
                            "Both must be in the endpoint's VPC.",
                        agent.urn,
                    );
                }
            }
            if (endpoint && endpointRegion) {
                const agentRegion = stack.region(agent);
                if (agentRegion && agentRegion !== endpointRegion) {
                    reportViolation(
                        `${subject} is created in ${agentRegion}, but its endpoint ${label(endpoint)} is in ${endpointRegion}. ` +
                            "The activated agent must be in the endpoint's Region (and activated with activationRegion set to it).",
                        agent.urn,
                    );
                }
                for (const m of parts) {
                    if (m.region && m.region !== endpointRegion) {
                        reportViolation(
                            `${subject}: its ${m.what} ${refLabel(m.ref)} (${m.key}) is in ${m.region}, but its endpoint ${label(endpoint)} is in ${endpointRegion}.`,
                            agent.urn,
                        );
                    }
                }
            }
        }
    },
};
