// plan/endpointChoice.ts: the endpoint address an agent activates against is the one in the
// activation subnet (CreateAgent gets that subnet, and the key is bound to the address).
import * as assert from "assert";
import { chooseEndpointIp, interfaceAddresses } from "../../../provider/src/plan/endpointChoice";

describe("plan/endpointChoice", () => {
    const addresses = [
        { subnetId: "subnet-a", ipv4: "10.0.1.10" },
        { subnetId: "subnet-b", ipv4: "10.0.2.10" },
    ];

    it("takes the address in the activation subnet, not the first", () => {
        assert.strictEqual(chooseEndpointIp(addresses, "subnet-b"), "10.0.2.10");
        assert.strictEqual(chooseEndpointIp(addresses, "subnet-a"), "10.0.1.10");
    });

    it("ignores an entry of that subnet without an address yet", () => {
        assert.strictEqual(chooseEndpointIp([{ subnetId: "subnet-b" }, ...addresses], "subnet-b"), "10.0.2.10");
    });

    it("fails when the subnet has no address, listing what there is", () => {
        assert.throws(
            () => chooseEndpointIp(addresses, "subnet-c"),
            (e: Error) =>
                e.message ===
                "the DataSync endpoint has 0 addresses in the activation subnet subnet-c (addresses: 10.0.1.10 in subnet-a, 10.0.2.10 in subnet-b); it needs exactly one. Add the subnet to the endpoint's subnets.",
        );
    });

    it("fails on an endpoint without addresses, and on two in one subnet", () => {
        assert.throws(() => chooseEndpointIp([], "subnet-a"), /has 0 addresses in the activation subnet subnet-a \(addresses: none\)/);
        assert.throws(() => chooseEndpointIp([{ ipv4: "10.0.1.9" }], "subnet-a"), /\(addresses: 10\.0\.1\.9 in \?\)/);
        assert.throws(
            () => chooseEndpointIp([...addresses, { subnetId: "subnet-a", ipv4: "10.0.1.11" }], "subnet-a"),
            /has 2 addresses in the activation subnet subnet-a/,
        );
    });

    it("interfaceAddresses maps an adopted endpoint's interfaces", () => {
        assert.deepStrictEqual(
            interfaceAddresses([
                { id: "eni-1", subnetId: "subnet-a", privateIp: "10.0.1.10" },
                { id: "eni-2", subnetId: "subnet-b", privateIp: "10.0.2.10" },
            ]),
            addresses,
        );
    });
});
