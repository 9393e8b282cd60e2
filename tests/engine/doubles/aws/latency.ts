// Latency mode (DSPL_AWS_DOUBLE_LATENCY=aws): each create and delete takes about as long as it takes
// on AWS, scaled by DSPL_AWS_DOUBLE_LATENCY_SCALE (default 1; e.g. 0.01 runs a 3-minute endpoint in
// 1.8 s), so a test can see which waits the dependency graph serializes. Reads, updates and invokes
// stay immediate. AWS publishes no durations; each value says where it comes from, and the ones
// that are typical observations rather than documented figures are marked GUESS. The Terraform
// provider's timeouts are upper bounds, not durations.
import { T } from "./tokens";

export interface Latency {
    createMs: number;
    deleteMs: number;
    source: string;
}

const S = 1000;

export const LATENCIES: Record<string, Latency> = {
    [T.securityGroup]: { createMs: 2 * S, deleteMs: 2 * S, source: "GUESS (seconds; TF create waiter waitSecurityGroupCreated, timeouts 10/15 min)" },
    [T.ingressRule]: { createMs: 1 * S, deleteMs: 1 * S, source: "GUESS (one API call, no waiter in TF)" },
    [T.egressRule]: { createMs: 1 * S, deleteMs: 1 * S, source: "GUESS (one API call, no waiter in TF)" },
    [T.vpcEndpoint]: { createMs: 120 * S, deleteMs: 90 * S, source: "GUESS (typically 1-3 min to 'available'; TF waitVPCEndpointAvailable, timeout 10 min)" },
    [T.instance]: { createMs: 45 * S, deleteMs: 60 * S, source: "GUESS (pending to running; TF WaitInstanceCreated, timeout 10 min; terminate 20 min)" },
    [T.datasyncAgent]: { createMs: 5 * S, deleteMs: 3 * S, source: "GUESS (CreateAgent then RetryWhenNotFound DescribeAgent; TF create timeout 10 min)" },
    [T.vpcPeering]: { createMs: 10 * S, deleteMs: 10 * S, source: "GUESS (to pending-acceptance; TF waitVPCPeeringConnectionActive, timeout 1 min)" },
    [T.vpcPeeringAccepter]: { createMs: 10 * S, deleteMs: 5 * S, source: "GUESS (to active; TF timeout 1 min)" },
    [T.route]: { createMs: 2 * S, deleteMs: 2 * S, source: "GUESS (TF waitRouteReady, timeout 5 min)" },
    [T.tgwVpcAttachment]: { createMs: 180 * S, deleteMs: 150 * S, source: "GUESS (several minutes to available; TF waiter timeout 10 min)" },
    [T.tgwVpcAttachmentAccepter]: { createMs: 90 * S, deleteMs: 150 * S, source: "GUESS (pendingAcceptance to available)" },
    [T.tgwPeering]: { createMs: 300 * S, deleteMs: 300 * S, source: "GUESS (inter-Region peering takes minutes; TF waiter timeout 10 min)" },
    [T.tgwPeeringAccepter]: { createMs: 300 * S, deleteMs: 300 * S, source: "GUESS (pendingAcceptance to available)" },
    [T.tgwRoute]: { createMs: 2 * S, deleteMs: 2 * S, source: "GUESS" },
    [T.tgwRouteTableAssociation]: { createMs: 30 * S, deleteMs: 30 * S, source: "GUESS (associating to associated)" },
    [T.tgwRouteTablePropagation]: { createMs: 30 * S, deleteMs: 30 * S, source: "GUESS (enabling to enabled)" },
    [T.ramShare]: { createMs: 3 * S, deleteMs: 3 * S, source: "GUESS (TF waiter, timeout 5 min)" },
    [T.ramResourceAssociation]: { createMs: 5 * S, deleteMs: 5 * S, source: "GUESS (associating to associated)" },
    [T.ramPrincipalAssociation]: { createMs: 5 * S, deleteMs: 5 * S, source: "GUESS (associating to associated)" },
    [T.ramShareAccepter]: { createMs: 10 * S, deleteMs: 10 * S, source: "GUESS (invitation accepted, share active; TF timeout 5 min)" },
};

export function latencyMode(): boolean {
    return process.env.DSPL_AWS_DOUBLE_LATENCY === "aws";
}

export function delayMs(type: string, op: "create" | "delete"): number {
    if (!latencyMode()) {
        return 0;
    }
    const l = LATENCIES[type];
    const scale = Number(process.env.DSPL_AWS_DOUBLE_LATENCY_SCALE ?? "1");
    return l ? Math.round((op === "create" ? l.createMs : l.deleteMs) * (Number.isFinite(scale) ? scale : 1)) : 0;
}

export function sleep(ms: number): Promise<void> {
    return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
