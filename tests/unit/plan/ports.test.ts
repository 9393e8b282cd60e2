// plan/ports.ts: the agent's flows in VPC-endpoint mode (AWS DataSync "Network requirements":
// TCP 443 and 1024-1064 to the endpoint, 22 for the support channel, 80 for activation, 443 to
// the task interfaces; DNS on UDP and TCP 53).
import * as assert from "assert";
import { ACTIVATION_PORT, DNS_PORTS, endpointPorts, portText, SUPPORT_CHANNEL, TASK_DATA } from "../../../provider/src/plan/ports";

const short = (p: { protocol: string; fromPort: number; toPort: number }) => `${p.protocol}/${p.fromPort}-${p.toPort}`;

describe("plan/ports", () => {
    it("endpoint ports without and with the support channel", () => {
        assert.deepStrictEqual(endpointPorts(false).map(short), ["tcp/443-443", "tcp/1024-1064"]);
        assert.deepStrictEqual(endpointPorts(true).map(short), ["tcp/443-443", "tcp/1024-1064", "tcp/22-22"]);
    });
    it("activation, support channel, task data and DNS", () => {
        assert.deepStrictEqual([ACTIVATION_PORT, SUPPORT_CHANNEL, TASK_DATA].map(short), ["tcp/80-80", "tcp/22-22", "tcp/443-443"]);
        assert.deepStrictEqual(DNS_PORTS.map(short), ["udp/53-53", "tcp/53-53"]);
    });
    it("endpointPorts hands out a fresh list each call", () => {
        const a = endpointPorts(false);
        a.push(SUPPORT_CHANNEL);
        assert.strictEqual(endpointPorts(false).length, 2);
    });
    it("portText", () => {
        assert.deepStrictEqual(
            [
                { fromPort: 443, toPort: 443 },
                { fromPort: 1024, toPort: 1064 },
                { fromPort: 0, toPort: 0 },
                { fromPort: 0, toPort: 65535 },
            ].map(portText),
            ["443", "1024-1064", "0", "0-65535"],
        );
    });
});
