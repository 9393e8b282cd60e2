// Checks of each EC2 agent against its subnet and instance type as AWS reports them. The
// DataSync AMI is x86_64 and an agent needs at least 32 GiB (DataSync "Agent requirements": an
// m5.2xlarge, 32 GiB, for up to 20 million files); a type not offered in the subnet's zone fails
// at RunInstances, after everything before it was built (the Terraform provider's own DataSync
// tests pick types with AvailableEC2InstanceTypeForAvailabilityZone for this reason).
import { Cidr, covered, parseCidr } from "../cidr";
import type { AgentInstanceFacts } from "../facts";
import { at, Problems } from "../problems";
import { present, reportMissing } from "./missing";

export const AGENT_ARCHITECTURE = "x86_64";
export const AGENT_MIN_MEMORY_MIB = 32 * 1024;

export interface AgentFactsInputs {
    /** Property path of the agent, e.g. "agents[2]" ("" for a standalone Agent). */
    path: string;
    instanceType: string;
    facts: AgentInstanceFacts;
}

export interface FleetContext {
    /** The link's source VPC, when it names one: EC2 agents must launch in it. */
    sourceVpcId?: string;
    /** The declared source ranges (link): the agents' subnets must lie within them. */
    sourceRanges?: string[];
}

function checkType(p: Problems, a: AgentFactsInputs, zone: string | undefined): void {
    const t = a.facts.instanceType;
    const path = at(a.path, "instance.instanceType");
    reportMissing(p, path, t, "EC2 instance type", "source");
    if (!present(t)) {
        return;
    }
    if (!t.architectures.includes(AGENT_ARCHITECTURE)) {
        p.add(
            path,
            a.instanceType,
            `runs ${t.architectures.join("/")}; the DataSync agent AMI is ${AGENT_ARCHITECTURE}`,
            'use an x86_64 type such as "m5.2xlarge" or "m6a.2xlarge"',
        );
    }
    if (t.memoryMib < AGENT_MIN_MEMORY_MIB) {
        p.add(path, a.instanceType, `has ${t.memoryMib / 1024} GiB of memory; a DataSync agent needs at least 32 GiB`, 'use "m5.2xlarge" (32 GiB) or larger');
    }
    if (zone !== undefined && !t.offeredIn.includes(zone)) {
        p.add(path, a.instanceType, `is not offered in ${zone}, the zone of the agent's subnet`, "pick a type offered there, or a subnet in another zone");
    }
}

/** Every EC2 agent of a fleet shares one security group, so they share one VPC. */
export function checkAgentFacts(p: Problems, agents: AgentFactsInputs[], ctx: FleetContext): void {
    let firstVpc: { vpc: string; path: string } | undefined;
    const ranges = (ctx.sourceRanges ?? []).map(parseCidr).filter((c) => c !== undefined);
    for (const a of agents) {
        const s = a.facts.subnet;
        const path = at(a.path, "instance.subnetId");
        reportMissing(p, path, s, "subnet", "source");
        if (!present(s)) {
            checkType(p, a, undefined);
            continue;
        }
        if (ctx.sourceVpcId !== undefined) {
            if (s.vpcId !== ctx.sourceVpcId) {
                p.add(path, s.id, `is in ${s.vpcId}, not in the link's source VPC ${ctx.sourceVpcId}`, "launch the agent in a subnet of the source VPC");
            }
        } else if (firstVpc !== undefined && s.vpcId !== firstVpc.vpc) {
            p.add(
                path,
                s.id,
                `is in ${s.vpcId}, but ${firstVpc.path} is in ${firstVpc.vpc}; the fleet's EC2 agents share one security group, which belongs to one VPC`,
                "launch every EC2 agent of the fleet in one VPC, or use one PrivateAgent per VPC",
            );
        }
        firstVpc ??= { vpc: s.vpcId, path };
        // EC2 may give the agent any address of its subnet: the whole subnet must lie in one range.
        const subnetRange = parseCidr(s.cidrBlock);
        if (ranges.length > 0 && subnetRange && !covered(subnetRange, ranges as Cidr[])) {
            p.add(
                path,
                s.id,
                `has addresses in ${s.cidrBlock}, outside every source range (${ctx.sourceRanges!.join(", ")}), so no route leads back to the agent`,
                "add the subnet's range to link.sourceCidrBlocks, or launch the agent in a subnet inside them",
            );
        }
        checkType(p, a, s.availabilityZone);
    }
}
