// Policy 2: a DataSync endpoint's service name matches its Region, and "-fips" is used only where
// intended.
import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { datasyncServiceName } from "../../provider/src/plan/regions";
import { FIPS_SNAPSHOT, hasFipsEndpoint } from "../lib/fipsRegions";
import { parseDataSyncServiceName, isDataSyncEndpoint } from "../lib/recognize";
import { regionOf } from "../lib/stack";
import { field, str, unwrap } from "../lib/values";

export type FipsMode = "never" | "allowed" | "required";

export interface ServiceNameConfig {
    /** "never" (default): only com.amazonaws.<region>.datasync; "allowed": either; "required": only datasync-fips. */
    fips?: FipsMode;
}

export const serviceNameMatchesRegion: ResourceValidationPolicy = {
    name: "datasync-endpoint-service-name",
    displayName: "DataSync endpoint service name matches its Region",
    description:
        "A DataSync VPC endpoint's serviceName must be com.amazonaws.<region>.datasync for the Region the endpoint is created in " +
        "(datasync-fips only where the pack's config intends FIPS, and only in Regions that have a DataSync FIPS endpoint, per the pack's snapshot of botocore's endpoint data).",
    enforcementLevel: "mandatory",
    severity: "medium",
    tags: ["datasync", "privatelink", "fips"],
    configSchema: {
        properties: {
            fips: {
                type: "string",
                enum: ["never", "allowed", "required"],
                default: "never",
                description: 'Whether DataSync endpoints may ("allowed") or must ("required") use the FIPS service name; "never" refuses it.',
            },
        },
    },
    remediationSteps:
        "Use serviceName `com.amazonaws.${region}.datasync` where region is the endpoint's Region (its `region` property, else the provider's). " +
        'For FIPS use `com.amazonaws.${region}.datasync-fips` in a FIPS Region, and set this policy\'s `fips` config to "allowed" or "required". ' +
        "Agents must then be activated with endpointType=FIPS_PRIVATE_LINK.",
    validateResource: validateResourceOfType(aws.ec2.VpcEndpoint, (_props, args, reportViolation) => {
        const props = unwrap(args.props);
        if (!isDataSyncEndpoint(props)) {
            args.notApplicable("not a DataSync endpoint (or its serviceName is not known yet)");
        }
        const mode: FipsMode = args.getConfig<ServiceNameConfig>().fips ?? "never";
        const name = str(field(props, "serviceName")) as string;
        const subject = `DataSync endpoint "${args.name}"`;
        const parsed = parseDataSyncServiceName(name);
        if (!parsed) {
            reportViolation(`${subject}: serviceName "${name}" is not a DataSync service name. Use com.amazonaws.<region>.datasync (or datasync-fips).`);
            return;
        }
        const region = regionOf(props, args.provider);
        if (region !== undefined && parsed.region !== region) {
            reportViolation(
                `${subject}: serviceName "${name}" names Region ${parsed.region}, but the endpoint is created in ${region}. ` +
                    `Use "${datasyncServiceName(region, parsed.fips)}"; agents must activate in the endpoint's Region.`,
            );
        }
        if (parsed.fips && !hasFipsEndpoint(parsed.region)) {
            reportViolation(
                `${subject}: serviceName "${name}" asks for FIPS, but DataSync has no FIPS endpoint in ${parsed.region} ` +
                    `(FIPS Regions in the pack's snapshot of ${FIPS_SNAPSHOT.source}: ${FIPS_SNAPSHOT.regions.join(", ")}). Use "${datasyncServiceName(parsed.region, false)}".`,
            );
        } else if (parsed.fips && mode === "never") {
            reportViolation(
                `${subject}: serviceName "${name}" is the FIPS endpoint, which this stack's policy does not intend (fips: "never"). ` +
                    `Use "${datasyncServiceName(parsed.region, false)}", or set the policy's fips config to "allowed".`,
            );
        } else if (!parsed.fips && mode === "required") {
            reportViolation(
                `${subject}: this stack's policy requires FIPS endpoints (fips: "required"), but serviceName is "${name}". Use "${datasyncServiceName(parsed.region, true)}".`,
            );
        }
    }),
};
