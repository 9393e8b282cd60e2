// plan/addresses.ts: addresses that can never be a unicast host (IANA special-purpose registry,
// RFC 6890, as ipaddr.js encodes it; 240.0.0.0/4 is reserved by RFC 1112).
import * as assert from "assert";
import { notAHost } from "../../../provider/src/plan/addresses";

describe("plan/addresses notAHost", () => {
    const table: [string, string | undefined][] = [
        ["0.0.0.0", "an unspecified (0.0.0.0/8) address"],
        ["0.1.2.3", "an unspecified (0.0.0.0/8) address"],
        ["127.0.0.1", "a loopback (127.0.0.0/8) address: it would reach the machine running the request, not the agent"],
        ["127.255.255.254", "a loopback (127.0.0.0/8) address: it would reach the machine running the request, not the agent"],
        ["169.254.169.254", "a link-local (169.254.0.0/16) address, which is not routed beyond its own link"],
        ["224.0.0.1", "a multicast (224.0.0.0/4) address"],
        ["239.255.255.255", "a multicast (224.0.0.0/4) address"],
        ["255.255.255.255", "the broadcast address"],
        ["240.0.0.1", "a reserved (240.0.0.0/4) address"],
        ["255.255.255.254", "a reserved (240.0.0.0/4) address"],
        // Hosts: private, carrier-grade NAT, public, and the edges of the ranges above.
        ["10.0.1.5", undefined],
        ["172.31.255.254", undefined],
        ["192.168.0.1", undefined],
        ["100.64.0.1", undefined],
        ["1.0.0.1", undefined],
        ["126.255.255.255", undefined],
        ["128.0.0.0", undefined],
        ["169.253.255.255", undefined],
        ["169.255.0.0", undefined],
        ["223.255.255.255", undefined],
        // Not an address at all: left to the address checks.
        ["10.0.1", undefined],
        ["10.0.1.0/24", undefined],
        ["localhost", undefined],
    ];
    for (const [address, want] of table) {
        it(`${address} -> ${want ?? "a host"}`, () => assert.strictEqual(notAHost(address), want));
    }
});
