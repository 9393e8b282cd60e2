// The AWS double's latency mode, through the engine: with DSPL_AWS_DOUBLE_LATENCY=aws each create
// takes its table time (scaled), and the log's start/end times let a test rebuild the schedule.
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { DST, REGION } from "../../fixtures/aws";
import { LATENCIES } from "../doubles/aws";
import { Lab } from "./lab";
import { labWorld } from "./world";

const SCALE = 0.02;

describe("AWS double through the engine: latency mode", function () {
    this.timeout(300_000);
    let lab: Lab;
    const saved = { mode: process.env.DSPL_AWS_DOUBLE_LATENCY, scale: process.env.DSPL_AWS_DOUBLE_LATENCY_SCALE };

    before(() => {
        // The doubles inherit the engine's environment, which the Automation API builds from this process's.
        process.env.DSPL_AWS_DOUBLE_LATENCY = "aws";
        process.env.DSPL_AWS_DOUBLE_LATENCY_SCALE = String(SCALE);
        lab = new Lab(labWorld());
    });
    after(() => {
        process.env.DSPL_AWS_DOUBLE_LATENCY = saved.mode;
        process.env.DSPL_AWS_DOUBLE_LATENCY_SCALE = saved.scale;
        if (saved.mode === undefined) {
            delete process.env.DSPL_AWS_DOUBLE_LATENCY;
        }
        if (saved.scale === undefined) {
            delete process.env.DSPL_AWS_DOUBLE_LATENCY_SCALE;
        }
        lab?.close();
    });

    it("each create lasts its table time; a dependent starts after its dependency ends, independent ones overlap", async () => {
        const r = await lab.up("latency", () => {
            const g = new aws.ec2.SecurityGroup("lat-sg", { vpcId: DST.vpc, name: "lat-sg" });
            new aws.ec2.VpcEndpoint("lat-ep", {
                vpcId: DST.vpc,
                vpcEndpointType: "Interface",
                serviceName: `com.amazonaws.${REGION}.datasync`,
                subnetIds: [DST.subnetA],
                securityGroupIds: [g.id],
            });
            new aws.ec2.SecurityGroup("lat-other", { vpcId: DST.vpc, name: "lat-other" });
        });
        assert.ok(r.ok, r.text);
        const op = (name: string) => r.log.find((l) => l.op === "create" && l.name === name)!;
        const sg = op("lat-sg");
        const ep = op("lat-ep");
        const other = op("lat-other");
        const want = (type: string) => LATENCIES[type].createMs * SCALE;
        assert.ok(ep.end - ep.start >= want("aws:ec2/vpcEndpoint:VpcEndpoint") - 5, `endpoint lasted ${ep.end - ep.start} ms`);
        assert.ok(sg.end - sg.start >= want("aws:ec2/securityGroup:SecurityGroup") - 5);
        assert.ok(ep.start >= sg.end, "the endpoint waits for its group");
        assert.ok(other.start < sg.end, "an unrelated group does not wait");
    });
});
