// Policy 1: DataSync interface endpoints keep private DNS off (advisory).
//
// AWS's reason (DataSync "Choosing a service endpoint", VPC endpoints): "We recommend disabling this
// setting in case you have agents in the same VPC that need to use a public service endpoint. An
// agent can't reach a public service endpoint ... when this setting is enabled." An agent activated
// against the endpoint does not need it off: it is activated with the endpoint's IP address
// (activation URL privateLinkEndpoint=<IP>), and Terraform issue #47798 shows such an activation
// succeeding with private DNS on. Hence advisory, not mandatory.
import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isDataSyncEndpoint } from "../lib/recognize";
import { bool, field, str, unwrap } from "../lib/values";

export const privateDnsDisabled: ResourceValidationPolicy = {
    name: "datasync-endpoint-private-dns-disabled",
    displayName: "DataSync endpoints keep private DNS off",
    description:
        "A DataSync interface VPC endpoint (service com.amazonaws.<region>.datasync or datasync-fips) should have private DNS disabled, as AWS recommends: " +
        "while it is on, agents in the same VPC that use the PUBLIC DataSync service endpoint resolve its name to the VPC endpoint and cannot reach the public one. " +
        "Agents activated against this endpoint are not affected (they are activated with its IP address). Advisory by default.",
    enforcementLevel: "advisory",
    severity: "low",
    tags: ["datasync", "privatelink", "networking"],
    remediationSteps:
        "Set `privateDnsEnabled: false` on the aws.ec2.VpcEndpoint (or leave it unset; false is the default). Changing it updates the endpoint in place, and agents " +
        "already activated against it keep working. Keep it on only if no agent in the VPC (or in a VPC resolving through it) uses the public DataSync endpoint; " +
        'set this policy to "disabled" for such a stack.',
    validateResource: validateResourceOfType(aws.ec2.VpcEndpoint, (_props, args, reportViolation) => {
        const props = unwrap(args.props);
        if (!isDataSyncEndpoint(props)) {
            args.notApplicable("not a DataSync endpoint (or its serviceName is not known yet)");
        }
        if (bool(field(props, "privateDnsEnabled")) === true) {
            reportViolation(
                `DataSync endpoint "${args.name}" (${str(field(props, "serviceName")) as string}) has privateDnsEnabled: true. ` +
                    "While it is on, DataSync agents in this VPC that use the public service endpoint cannot reach it (AWS recommends it off); " +
                    "agents activated against this endpoint by its IP are not affected. Set privateDnsEnabled to false unless no public-endpoint agent shares the VPC.",
            );
        }
    }),
};
