// plan/regions.ts: Region codes, DataSync's FIPS Regions, its interface endpoint service names
// and VPC endpoint IDs. Region and endpoint lists: botocore 1.43.11 data/endpoints.json (the AWS
// SDK's endpoint table): partitions and their regions, and the "datasync" service's endpoints
// with a "fips" variant hostname datasync-fips.<region>.amazonaws.com.
import * as assert from "assert";
import { datasyncServiceName, endpointType, isRegion, isVpcEndpointId, parseDataSyncServiceName } from "../../../provider/src/plan/regions";

// Every Region in which botocore 1.43.11 lists a DataSync endpoint, across all partitions.
const DATASYNC_REGIONS = [
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "cn-north-1",
    "cn-northwest-1",
    "us-gov-east-1",
    "us-gov-west-1",
    "us-iso-east-1",
    "us-iso-west-1",
    "us-isob-east-1",
    // aws-eusc partition (AWS European Sovereign Cloud), regionRegex ^eusc\-(de)\-\w+\-\d+$.
    "eusc-de-east-1",
];

describe("plan/regions", () => {
    describe("isRegion", () => {
        for (const r of DATASYNC_REGIONS) {
            it(`${r} is a Region`, () => assert.strictEqual(isRegion(r), true));
        }
        const not: unknown[] = ["EU-west-2", "eu-west", "london", "eu-west-2a", "euw2", "eu_west_2", " eu-west-2", "", undefined, 1];
        for (const v of not) {
            it(`${JSON.stringify(v)} is not`, () => assert.strictEqual(isRegion(v), false));
        }
    });

    it("service names and endpoint types", () => {
        assert.strictEqual(datasyncServiceName("eu-west-2", false), "com.amazonaws.eu-west-2.datasync");
        assert.strictEqual(datasyncServiceName("us-east-1", true), "com.amazonaws.us-east-1.datasync-fips");
        assert.strictEqual(endpointType(false), "PRIVATE_LINK");
        assert.strictEqual(endpointType(true), "FIPS_PRIVATE_LINK");
    });

    describe("parseDataSyncServiceName", () => {
        const table: [string, ReturnType<typeof parseDataSyncServiceName>][] = [
            ["com.amazonaws.eu-west-2.datasync", { region: "eu-west-2", fips: false }],
            ["com.amazonaws.us-gov-west-1.datasync-fips", { region: "us-gov-west-1", fips: true }],
            ["com.amazonaws.eu-west-2.s3", undefined],
            ["com.amazonaws.london.datasync", undefined],
            ["com.amazonaws.eu-west-2.datasync-fips.x", undefined],
            ["aws.sagemaker.eu-west-2.datasync", undefined],
        ];
        for (const [name, want] of table) {
            it(`${name} -> ${JSON.stringify(want)}`, () => assert.deepStrictEqual(parseDataSyncServiceName(name), want));
        }
    });

    describe("isVpcEndpointId (CreateAgent VpcEndpointId ^vpce-[0-9a-f]{17}$)", () => {
        const table: [unknown, boolean][] = [
            ["vpce-0123456789abcdef0", true],
            ["vpce-0123abcd", false],
            ["vpce-0123456789ABCDEF0", false],
            ["vpc-0123456789abcdef0", false],
            ["vpce-0123456789abcdef01", false],
            [undefined, false],
        ];
        for (const [v, want] of table) {
            it(`${JSON.stringify(v)} -> ${want}`, () => assert.strictEqual(isVpcEndpointId(v), want));
        }
    });
});
