// Policy 6: aws.datasync.Agent resources are activated against a private (VPC) endpoint, with
// arguments the provider and CreateAgent accept.
//
// Provider schema (Terraform AWS provider internal/service/datasync/agent.go, bridged 1:1 into
// @pulumi/aws datasync/agent.d.ts): activation_key ConflictsWith private_link_endpoint and
// ip_address ("Conflicts with `activationKey`"); Create fails with "one of activation_key or
// ip_address is required"; with ip_address and no private_link_endpoint it requests a PUBLIC key
// (no endpointType in the activation URL), which CreateAgent refuses for a VPC endpoint.
// The provider checks ConflictsWith only once both values are known, so a key computed by a
// Command passes `pulumi preview` and fails every real `pulumi up`; this policy sees the
// property set (known or not) and reports it at preview.
// CreateAgent (API reference): VpcEndpointId ^vpce-[0-9a-f]{17}$; SubnetArns and SecurityGroupArns
// exactly one each (PLSubnetArnList / PLSecurityGroupArnList, min 1 max 1).
import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isVpcEndpointId } from "../../provider/src/plan/regions";
import { field, knownList, str, strings, unwrap, UNKNOWN } from "../lib/values";

export interface PrivateAgentConfig {
    /** Accept agents activated against the public DataSync endpoint. Default false. */
    allowPublicAgents?: boolean;
}

/** Set to something: a non-empty known string, or a value not known yet. */
function isSet(v: unknown): boolean {
    const s = str(v);
    return s === UNKNOWN || (typeof s === "string" && s !== "");
}

export const agentUsesPrivateEndpoint: ResourceValidationPolicy = {
    name: "datasync-agent-private-endpoint",
    displayName: "DataSync agents use a private endpoint, activated one valid way",
    description:
        "An aws.datasync.Agent takes its key one way: activationKey alone (never with privateLinkEndpoint or ipAddress, which the provider refuses as ConflictsWith " +
        "on every real update), or ipAddress with privateLinkEndpoint (the provider then fetches a private key itself). It must be activated against a DataSync VPC " +
        "endpoint: vpcEndpointId (vpce- and 17 hex digits) with exactly one subnet and one security group ARN. Public agents can be allowed in config.",
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
        "Either obtain the key yourself (a Command requesting ?gatewayType=SYNC&activationRegion=<region>&privateLinkEndpoint=<endpoint IP>&endpointType=PRIVATE_LINK&no_redirect " +
        "from the agent) and pass only `activationKey`, or let the provider fetch it and pass `ipAddress` with `privateLinkEndpoint` (the endpoint's private IP) and no `activationKey`. " +
        "Always set `vpcEndpointId`, `subnetArns: [<activation subnet ARN>]` and `securityGroupArns: [<endpoint/task security group ARN>]`. " +
        "If this stack deliberately runs public agents, set `allowPublicAgents: true` for this policy.",
    validateResource: validateResourceOfType(aws.datasync.Agent, (_props, args, reportViolation) => {
        const props = unwrap(args.props);
        const { allowPublicAgents = false } = args.getConfig<PrivateAgentConfig>();
        const subject = `DataSync agent "${args.name}"`;
        const key = isSet(field(props, "activationKey"));
        const ip = isSet(field(props, "ipAddress"));
        const ple = isSet(field(props, "privateLinkEndpoint"));
        if (key && (ple || ip)) {
            const both = [ple ? "privateLinkEndpoint" : undefined, ip ? "ipAddress" : undefined].filter(Boolean).join(" and ");
            reportViolation(
                `${subject} sets activationKey and ${both}: the provider's schema makes them conflict (ConflictsWith), so every real update fails once the key is known. ` +
                    `Pass the key alone (remove ${both}; the endpoint IP belongs only in the activation request), or drop activationKey and let the provider fetch it from ipAddress.`,
            );
        } else if (!key && !ip) {
            reportViolation(
                `${subject} sets neither activationKey nor ipAddress; the provider cannot create it ("one of activation_key or ip_address is required"). Pass the activation key.`,
            );
        }
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
            reportViolation(
                `${subject}: vpcEndpointId "${endpoint}" is not a VPC endpoint ID (vpce- followed by 17 hex digits). Pass the endpoint resource's id.`,
            );
        }
        for (const k of ["subnetArns", "securityGroupArns"]) {
            const raw = strings(field(props, k));
            const l = knownList(raw);
            if (raw === undefined || (l.complete && l.items.length === 0)) {
                reportViolation(`${subject}: ${k} is not set. A private agent needs exactly one ARN in ${k} (CreateAgent rejects the agent otherwise).`);
            } else if (l.complete && l.items.length !== 1) {
                reportViolation(`${subject}: ${k} has ${l.items.length} ARNs; CreateAgent takes exactly one.`);
            }
        }
        if (ip && !key && !ple) {
            reportViolation(
                `${subject}: ipAddress is set without privateLinkEndpoint, so the provider requests a public activation key, which CreateAgent refuses for a VPC endpoint. ` +
                    "Set privateLinkEndpoint to the endpoint's private IP in the agent's subnet.",
            );
        }
    }),
};
