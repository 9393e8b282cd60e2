// Which IPv4 addresses can be an agent (or an endpoint interface): a host that answers on
// TCP 80 and opens connections. The ranges come from ipaddr.js, which follows the IANA
// special-purpose registry (RFC 6890); an address in one of these can never be a reachable
// unicast host, so a typo there is caught before anything is built.
import * as ipaddr from "ipaddr.js";
import { isIpv4 } from "./cidr";

const NOT_A_HOST: Record<string, string> = {
    unspecified: "an unspecified (0.0.0.0/8) address",
    loopback: "a loopback (127.0.0.0/8) address: it would reach the machine running the request, not the agent",
    linkLocal: "a link-local (169.254.0.0/16) address, which is not routed beyond its own link",
    multicast: "a multicast (224.0.0.0/4) address",
    broadcast: "the broadcast address",
};

const CLASS_E = ipaddr.IPv4.parseCIDR("240.0.0.0/4");

/** Why the address cannot be a host, or undefined when it can. Non-addresses are someone else's problem. */
export function notAHost(address: string): string | undefined {
    if (!isIpv4(address)) {
        return undefined;
    }
    const ip = ipaddr.IPv4.parse(address);
    const why = NOT_A_HOST[ip.range()];
    if (why !== undefined) {
        return why;
    }
    return ip.match(CLASS_E) ? "a reserved (240.0.0.0/4) address" : undefined;
}
