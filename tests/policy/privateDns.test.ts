import * as assert from "assert";
import { TYPES } from "../../policy/lib/types";
import { privateDnsDisabled } from "../../policy/policies";
import { check, single, UNKNOWN_BOOL, UNKNOWN_STRING } from "./fixtures";

function endpoint(props: Record<string, unknown>) {
    return single(
        TYPES.vpcEndpoint,
        { vpcId: "vpc-0a1b2c3d4e5f60718", vpcEndpointType: "Interface", serviceName: "com.amazonaws.eu-west-2.datasync", ...props },
        { name: "datasync" },
    );
}

describe("policy 1: datasync-endpoint-private-dns-disabled", () => {
    it("is advisory: AWS recommends private DNS off for public-endpoint agents sharing the VPC, not for agents of this endpoint", () => {
        assert.strictEqual(privateDnsDisabled.enforcementLevel, "advisory");
        assert.match(privateDnsDisabled.description, /agents in the same VPC that use the PUBLIC DataSync service endpoint/);
    });

    it("passes a DataSync endpoint with privateDnsEnabled: false", async () => {
        const o = await check(privateDnsDisabled, endpoint({ privateDnsEnabled: false }));
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("passes when privateDnsEnabled is unset (the provider's default is false)", async () => {
        const o = await check(privateDnsDisabled, endpoint({}));
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("flags privateDnsEnabled: true", async () => {
        const o = await check(privateDnsDisabled, endpoint({ privateDnsEnabled: true }));
        assert.deepStrictEqual(o.messages, [
            'DataSync endpoint "datasync" (com.amazonaws.eu-west-2.datasync) has privateDnsEnabled: true. ' +
                "While it is on, DataSync agents in this VPC that use the public service endpoint cannot reach it (AWS recommends it off); " +
                "agents activated against this endpoint by its IP are not affected. Set privateDnsEnabled to false unless no public-endpoint agent shares the VPC.",
        ]);
    });

    it("flags a FIPS endpoint with private DNS on", async () => {
        const o = await check(privateDnsDisabled, endpoint({ serviceName: "com.amazonaws.us-east-1.datasync-fips", privateDnsEnabled: true }));
        assert.strictEqual(o.messages.length, 1);
        assert.match(o.messages[0], /\(com\.amazonaws\.us-east-1\.datasync-fips\) has privateDnsEnabled: true/);
    });

    it("does not fail at preview when privateDnsEnabled is not known yet", async () => {
        const o = await check(privateDnsDisabled, endpoint({ privateDnsEnabled: UNKNOWN_BOOL }));
        assert.strictEqual(o.notApplicable, undefined);
        assert.deepStrictEqual(o.messages, []);
    });

    it("is not applicable to other services' endpoints, even with private DNS on", async () => {
        const o = await check(privateDnsDisabled, endpoint({ serviceName: "com.amazonaws.eu-west-2.s3", privateDnsEnabled: true }));
        assert.match(o.notApplicable ?? "", /not a DataSync endpoint/);
        assert.deepStrictEqual(o.messages, []);
    });

    it("is not applicable while the service name is unknown", async () => {
        const o = await check(privateDnsDisabled, endpoint({ serviceName: UNKNOWN_STRING, privateDnsEnabled: true }));
        assert.match(o.notApplicable ?? "", /not a DataSync endpoint/);
    });

    it("is not applicable to other resource types", async () => {
        const o = await check(privateDnsDisabled, single(TYPES.instance, { privateDnsEnabled: true }));
        assert.strictEqual(o.notApplicable, "Policy only applies to resources of type 'aws:ec2/vpcEndpoint:VpcEndpoint'");
    });
});
