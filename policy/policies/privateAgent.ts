// Policy 6: aws.datasync.Agent resources are activated against a private (VPC) endpoint.
import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { field, knownList, str, strings, unwrap, UNKNOWN } from "../lib/values";
import { isVpcEndpointId } from "../../provider/src/plan/regions";

export interface PrivateAgentConfig {
    /** Accept agents activated against the public DataSync endpoint. Default false. */
    allowPublicAgents?: boolean;
}

/** CreateAgent's pattern for VpcEndpointId (the planning layer has the same, unexported, in validate/components.ts). */

export const agentUsesPrivateEndpoint: ResourceValidationPolicy = {
    name: "datasync-agent-private-endpoint",
    displayName: "DataSync agents use a private endpoint",
    description:
        "aws.datasync.Agent resources must be activated against a DataSync VPC endpoint: vpcEndpointId set, with exactly one subnet and one security group ARN, " +
        "and, when the provider fetches the key from ipAddress, privateLinkEndpoint set. Teams that also run public agents can allow them in config.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["datasync", "privatelink"],
    configSchema: {
        properties: {
            allowPublicAgents: {
                type: "boolean",
                default: false,
                description: "Accept aws.datasync.Agent resources without vpcEndpointId (agents activated against the public service endpoint).",
            },
        },
    },
    remediationSteps:
        "Create the agent with `vpcEndpointId` (the DataSync interface endpoint), `subnetArns: [<activation subnet ARN>]` and " +
        "`securityGroupArns: [<endpoint/task security group ARN>]`, and obtain the key with endpointType=PRIVATE_LINK " +
        "(or set `privateLinkEndpoint` to the endpoint's private IP when using `ipAddress`). An agent VM activated publicly must be redeployed to go private. " +
        "If this stack deliberately runs public agents, set `allowPublicAgents: true` for this policy.",
    validateResource: validateResourceOfType(aws.datasync.Agent, (_props, args, reportViolation) => {
        const props = unwrap(args.props);
        const { allowPublicAgents = false } = args.getConfig<PrivateAgentConfig>();
        const subject = `DataSync agent "${args.name}"`;
        const endpoint = str(field(props, "vpcEndpointId"));
        if (endpoint === undefined || endpoint === "") {
            if (!allowPublicAgents) {
                reportViolation(
                    `${subject} has no vpcEndpointId, so it is activated against the public DataSync endpoint. ` +
                        "Set vpcEndpointId, subnetArns and securityGroupArns to activate it over PrivateLink (or allow public agents in this policy's config).",
                );
            }
            return;
        }
        if (endpoint !== UNKNOWN && !isVpcEndpointId(endpoint)) {
            reportViolation(`${subject}: vpcEndpointId "${endpoint}" is not a VPC endpoint ID (vpce- followed by 17 hex digits). Pass the endpoint resource's id.`);
        }
        for (const key of ["subnetArns", "securityGroupArns"]) {
            const raw = strings(field(props, key));
            const l = knownList(raw);
            if (raw === undefined || (l.complete && l.items.length === 0)) {
                reportViolation(`${subject}: ${key} is not set. A private agent needs exactly one ARN in ${key} (CreateAgent rejects the agent otherwise).`);
            } else if (l.complete && l.items.length !== 1) {
                reportViolation(`${subject}: ${key} has ${l.items.length} ARNs; CreateAgent takes exactly one.`);
            }
        }
        const ip = str(field(props, "ipAddress"));
        const ple = str(field(props, "privateLinkEndpoint"));
        if (ip !== undefined && ip !== "" && (ple === undefined || ple === "")) {
            reportViolation(
                `${subject}: ipAddress is set but privateLinkEndpoint is not, so the provider requests a public activation key, which CreateAgent refuses with a VPC endpoint. ` +
                    "Set privateLinkEndpoint to the endpoint's private IP in the agent's subnet.",
            );
        }
    }),
};
