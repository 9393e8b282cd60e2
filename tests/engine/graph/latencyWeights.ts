// How long each resource's create takes in the AWS double's latency mode (its table, scaled): the
// weights of the critical-path computation. Resources the double does not serve (the activation
// Command) weigh nothing there; their real time shows in the measured run.
import { LATENCIES } from "../doubles/aws";
import type { Graph } from "./stateGraph";

export function createWeights(g: Graph, scale: number): (urn: string) => number {
    return (urn) => (LATENCIES[g.nodes.get(urn)?.type ?? ""]?.createMs ?? 0) * scale;
}
