import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { serviceNameMatchesRegion } from "../../policy/policies";
import { check, single } from "./fixtures";

const NAME = "datasync-privatelink:endpoint";

function endpoint(serviceName: string, o: { region?: string; providerRegion?: string } = {}) {
    return single(
        TYPES.vpcEndpoint,
        { vpcId: "vpc-0a1b2c3d4e5f60718", vpcEndpointType: "Interface", serviceName, privateDnsEnabled: false, ...(o.region ? { region: o.region } : {}) },
        { name: NAME, providerRegion: o.providerRegion ?? "eu-west-2" },
    );
}

const fips = (mode: string) => ({ [serviceNameMatchesRegion.name]: { fips: mode } });

describe("policy 2: datasync-endpoint-service-name", () => {
    it("passes com.amazonaws.<region>.datasync in the provider's Region", async () => {
        const o = await check(serviceNameMatchesRegion, endpoint("com.amazonaws.eu-west-2.datasync"));
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags a service name for another Region", async () => {
        const o = await check(serviceNameMatchesRegion, endpoint("com.amazonaws.us-east-1.datasync"));
        assert.deepStrictEqual(o.messages, [
            `DataSync endpoint "${NAME}": serviceName "com.amazonaws.us-east-1.datasync" names Region us-east-1, but the endpoint is created in eu-west-2. ` +
                'Use "com.amazonaws.eu-west-2.datasync"; agents must activate in the endpoint\'s Region.',
        ]);
    });

    it("uses the resource's own region (aws v7 per-resource Region) over the provider's", async () => {
        const ok = await check(serviceNameMatchesRegion, endpoint("com.amazonaws.us-west-2.datasync", { region: "us-west-2" }));
        assert.deepStrictEqual(ok.messages, []);
        const bad = await check(serviceNameMatchesRegion, endpoint("com.amazonaws.eu-west-2.datasync", { region: "us-west-2" }));
        assert.strictEqual(bad.messages.length, 1);
        assert.match(bad.messages[0], /names Region eu-west-2, but the endpoint is created in us-west-2\. Use "com\.amazonaws\.us-west-2\.datasync"/);
    });

    it("flags a malformed DataSync service name", async () => {
        const o = await check(serviceNameMatchesRegion, endpoint("com.amazonaws.datasync.eu-west-2"));
        assert.deepStrictEqual(o.messages, [
            `DataSync endpoint "${NAME}": serviceName "com.amazonaws.datasync.eu-west-2" is not a DataSync service name. Use com.amazonaws.<region>.datasync (or datasync-fips).`,
        ]);
    });

    it("refuses the FIPS name by default (fips: never)", async () => {
        const o = await check(serviceNameMatchesRegion, endpoint("com.amazonaws.us-east-1.datasync-fips", { providerRegion: "us-east-1" }));
        assert.deepStrictEqual(o.messages, [
            `DataSync endpoint "${NAME}": serviceName "com.amazonaws.us-east-1.datasync-fips" is the FIPS endpoint, which this stack's policy does not intend (fips: "never"). ` +
                'Use "com.amazonaws.us-east-1.datasync", or set the policy\'s fips config to "allowed".',
        ]);
    });

    it("accepts FIPS in a FIPS Region when config allows it", async () => {
        const o = await check(serviceNameMatchesRegion, endpoint("com.amazonaws.us-east-1.datasync-fips", { providerRegion: "us-east-1" }), fips("allowed"));
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags FIPS in a Region without a DataSync FIPS endpoint, whatever the config", async () => {
        const o = await check(serviceNameMatchesRegion, endpoint("com.amazonaws.eu-west-2.datasync-fips"), fips("allowed"));
        assert.deepStrictEqual(o.messages, [
            `DataSync endpoint "${NAME}": serviceName "com.amazonaws.eu-west-2.datasync-fips" asks for FIPS, but DataSync has no FIPS endpoint in eu-west-2 ` +
                "(FIPS Regions in the pack's snapshot of botocore 1.43.11 data/endpoints.json (datasync, variants tagged fips): " +
                "us-east-1, us-east-2, us-west-1, us-west-2, ca-central-1, ca-west-1, us-gov-east-1, us-gov-west-1, us-iso-east-1, us-iso-west-1). " +
                'Use "com.amazonaws.eu-west-2.datasync".',
        ]);
    });

    it("accepts FIPS in ca-west-1, which the snapshot includes", async () => {
        const o = await check(serviceNameMatchesRegion, endpoint("com.amazonaws.ca-west-1.datasync-fips", { providerRegion: "ca-west-1" }), fips("allowed"));
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("requires FIPS when config says required", async () => {
        const o = await check(serviceNameMatchesRegion, endpoint("com.amazonaws.us-east-1.datasync", { providerRegion: "us-east-1" }), fips("required"));
        assert.deepStrictEqual(o.messages, [
            `DataSync endpoint "${NAME}": this stack's policy requires FIPS endpoints (fips: "required"), but serviceName is "com.amazonaws.us-east-1.datasync". ` +
                'Use "com.amazonaws.us-east-1.datasync-fips".',
        ]);
    });

    it("checks only the name's form when the Region is not known", async () => {
        const r = single(TYPES.vpcEndpoint, { vpcId: "vpc-0a1b2c3d4e5f60718", serviceName: "com.amazonaws.ap-south-1.datasync" }, { name: NAME });
        r.provider = { ...r.provider, props: {} };
        const o = await check(serviceNameMatchesRegion, r);
        assert.deepStrictEqual(o.messages, []);
    });

    it("is not applicable to other services", async () => {
        const o = await check(serviceNameMatchesRegion, endpoint("com.amazonaws.eu-west-2.s3"));
        assert.match(o.notApplicable ?? "", /not a DataSync endpoint/);
    });
});
