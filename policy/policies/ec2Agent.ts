// Policy 7: EC2 DataSync agents have no public IP, require IMDSv2, encrypt the root volume, and
// use an instance type that can run the agent: at least 2xlarge, x86_64 and 32 GiB (the last two
// from the pack's small family table, a heuristic: types it does not list are not judged).
import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isAtLeast2xlarge } from "../../provider/src/plan/instanceType";
import { AGENT_ARCHITECTURE, AGENT_MIN_MEMORY_GIB, typeFacts } from "../lib/instanceTypes";
import { isTaggedAgent, usesAgentAmi } from "../lib/recognize";
import { bool, field, present, str, unwrap } from "../lib/values";

export interface Ec2AgentConfig {
    /** AMI IDs of DataSync agent images, to recognise agents that are not tagged as such. */
    agentAmiIds?: string[];
}

/** Why an instance type cannot run a DataSync agent (size rule, then the family table's facts). */
export function instanceTypeProblems(type: string): string[] {
    const out: string[] = [];
    if (!isAtLeast2xlarge(type)) {
        out.push("DataSync agents need at least a 2xlarge");
    }
    const facts = typeFacts(type);
    if (facts && facts.architecture !== AGENT_ARCHITECTURE) {
        out.push(
            `the ${facts.family} family is ${facts.architecture} (AWS Graviton), but the DataSync agent AMI is ${AGENT_ARCHITECTURE} and will not boot on it`,
        );
    }
    if (facts?.memoryGib !== undefined && facts.memoryGib < AGENT_MIN_MEMORY_GIB && isAtLeast2xlarge(type)) {
        out.push(`it has ${facts.memoryGib} GiB of memory; a DataSync agent needs at least ${AGENT_MIN_MEMORY_GIB} GiB`);
    }
    return out;
}

export const ec2AgentHardened: ResourceValidationPolicy = {
    name: "datasync-ec2-agent-hardening",
    displayName: "EC2 DataSync agents are private and hardened",
    description:
        "An EC2 instance that is a DataSync agent (a tag key or value matching /datasync[ _:-]*agent/i, or an AMI listed in config) " +
        "must not get a public IP, must require IMDSv2, must encrypt its root volume and must be at least a 2xlarge; for the instance families in the pack's table " +
        "it must also be x86_64 (the agent AMI's architecture; Graviton types such as m6g or c7g are arm64) with at least 32 GiB of memory (a c5.2xlarge has 16).",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["datasync", "ec2"],
    configSchema: {
        properties: {
            agentAmiIds: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "AMI IDs resolved from /aws/service/datasync/ami(/v3); instances launched from them are agents even without a tag.",
            },
        },
    },
    remediationSteps:
        'On the aws.ec2.Instance set `associatePublicIpAddress: false`, `metadataOptions: { httpTokens: "required" }`, ' +
        "`rootBlockDevice: { encrypted: true }` and an x86_64 instanceType of at least 2xlarge with 32 GiB or more (m5.2xlarge for Basic mode, m6a.2xlarge for Enhanced). " +
        "Changing the public IP, root volume or size replaces the instance; a replaced agent VM must be activated again.",
    validateResource: validateResourceOfType(aws.ec2.Instance, (_props, args, reportViolation) => {
        const props = unwrap(args.props);
        const { agentAmiIds = [] } = args.getConfig<Ec2AgentConfig>();
        if (!isTaggedAgent(props) && !usesAgentAmi(props, agentAmiIds)) {
            args.notApplicable("not recognised as a DataSync agent (no datasync-agent tag, AMI not in agentAmiIds)");
        }
        const subject = `DataSync agent instance "${args.name}"`;
        // Settings left unset may come from a launch template, which a policy cannot see.
        const template = field(props, "launchTemplate") !== undefined;
        const publicIp = bool(field(props, "associatePublicIpAddress"));
        if (publicIp === true) {
            reportViolation(
                `${subject} gets a public IP (associatePublicIpAddress: true). A VPC-endpoint agent needs none. Set associatePublicIpAddress to false.`,
            );
        } else if (publicIp === undefined && !template) {
            reportViolation(
                `${subject} does not set associatePublicIpAddress, so it gets a public IP whenever its subnet auto-assigns them. Set associatePublicIpAddress to false.`,
            );
        }
        const tokens = str(field(field(props, "metadataOptions"), "httpTokens"));
        if (present(tokens) ? tokens !== "required" : tokens === undefined && !template) {
            const now = present(tokens) ? `"${tokens}"` : "unset";
            reportViolation(`${subject} does not require IMDSv2 (metadataOptions.httpTokens is ${now}). Set metadataOptions.httpTokens to "required".`);
        }
        const encrypted = bool(field(field(props, "rootBlockDevice"), "encrypted"));
        if (encrypted === false || (encrypted === undefined && !template)) {
            reportViolation(
                `${subject} has an unencrypted root volume (rootBlockDevice.encrypted is ${encrypted === false ? "false" : "unset"}). Set rootBlockDevice.encrypted to true.`,
            );
        }
        const type = str(field(props, "instanceType"));
        if (present(type)) {
            for (const problem of instanceTypeProblems(type)) {
                reportViolation(`${subject} uses instance type ${type}: ${problem}. Use m5.2xlarge (Basic) or m6a.2xlarge (Enhanced), or larger.`);
            }
        }
    }),
};
