// Policy 1: DataSync interface endpoints have private DNS disabled.
import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isDataSyncEndpoint } from "../lib/recognize";
import { bool, field, str, unwrap } from "../lib/values";

export const privateDnsDisabled: ResourceValidationPolicy = {
    name: "datasync-endpoint-private-dns-disabled",
    displayName: "DataSync endpoints have private DNS disabled",
    description:
        "A DataSync interface VPC endpoint (service com.amazonaws.<region>.datasync or datasync-fips) must have private DNS disabled: " +
        "with it enabled, agents activated against the endpoint cannot reach the DataSync public service endpoint they still use.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["datasync", "privatelink", "networking"],
    remediationSteps:
        "Set `privateDnsEnabled: false` on the aws.ec2.VpcEndpoint (or remove the property; false is the default). " +
        "Changing it updates the endpoint in place; agents already activated against it keep working.",
    validateResource: validateResourceOfType(aws.ec2.VpcEndpoint, (_props, args, reportViolation) => {
        const props = unwrap(args.props);
        if (!isDataSyncEndpoint(props)) {
            args.notApplicable("not a DataSync endpoint (or its serviceName is not known yet)");
        }
        if (bool(field(props, "privateDnsEnabled")) === true) {
            reportViolation(
                `DataSync endpoint "${args.name}" (${str(field(props, "serviceName")) as string}) has privateDnsEnabled: true. ` +
                    "Agents cannot reach the public DataSync service endpoint while it is on. Set privateDnsEnabled to false.",
            );
        }
    }),
};
