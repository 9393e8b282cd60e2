// A small table of EC2 instance families, enough to tell the commonest wrong picks for a DataSync
// agent: an arm64 (Graviton) type, which cannot boot the x86_64 agent AMI, and a 2xlarge with less
// than the agent's 32 GiB of memory (a compute-optimized c5.2xlarge has 16 GiB).
//
// Sources:
//  - Families, architecture and memory per vCPU: AWS "Amazon EC2 instance types" specifications
//    (https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html, co.html, mo.html): in every
//    family below memory is a fixed multiple of the vCPUs (M and T: 4 GiB, C: 2 GiB, R: 8 GiB per
//    vCPU), and the Graviton families (the "g" attribute of "Instance type naming conventions",
//    instance-type-names.html, plus A1) are arm64-only.
//  - vCPUs per size: the same pages (large 2, xlarge 4, Nxlarge 4N vCPUs).
//  - 32 GiB: DataSync agent requirements (agent-requirements.html; issue 9 / review F13); AWS's
//    recommended EC2 agents (m5.2xlarge, m5.4xlarge, m6a.2xlarge) all have at least that.
// This is a HEURISTIC: families and sizes not listed (c5n, m5zn, metal sizes, new generations)
// are skipped, not judged; the components themselves ask AWS (getInstanceType) at deployment.

export type Architecture = "x86_64" | "arm64";

interface Family {
    architecture: Architecture;
    gibPerVcpu: number;
}

const x86 = (gibPerVcpu: number): Family => ({ architecture: "x86_64", gibPerVcpu });
const arm = (gibPerVcpu: number): Family => ({ architecture: "arm64", gibPerVcpu });

export const FAMILIES: Readonly<Record<string, Family>> = {
    // General purpose: 4 GiB per vCPU.
    m5: x86(4),
    m5a: x86(4),
    m5d: x86(4),
    m5ad: x86(4),
    m5n: x86(4),
    m5dn: x86(4),
    m6i: x86(4),
    m6id: x86(4),
    m6in: x86(4),
    m6idn: x86(4),
    m6a: x86(4),
    m7i: x86(4),
    m7a: x86(4),
    t3: x86(4),
    t3a: x86(4),
    m6g: arm(4),
    m6gd: arm(4),
    m7g: arm(4),
    m7gd: arm(4),
    m8g: arm(4),
    t4g: arm(4),
    a1: arm(2),
    // Compute optimized: 2 GiB per vCPU.
    c5: x86(2),
    c5a: x86(2),
    c5d: x86(2),
    c6i: x86(2),
    c6id: x86(2),
    c6in: x86(2),
    c6a: x86(2),
    c7i: x86(2),
    c7a: x86(2),
    c6g: arm(2),
    c6gd: arm(2),
    c6gn: arm(2),
    c7g: arm(2),
    c7gd: arm(2),
    c7gn: arm(2),
    c8g: arm(2),
    // Memory optimized: 8 GiB per vCPU.
    r5: x86(8),
    r5a: x86(8),
    r5d: x86(8),
    r5n: x86(8),
    r6i: x86(8),
    r6a: x86(8),
    r7i: x86(8),
    r7a: x86(8),
    r6g: arm(8),
    r6gd: arm(8),
    r7g: arm(8),
    r7gd: arm(8),
    r8g: arm(8),
};

/** The agent AMI's architecture and the agent's minimum memory. */
export const AGENT_ARCHITECTURE: Architecture = "x86_64";
export const AGENT_MIN_MEMORY_GIB = 32;

const SIZE = /^(\d*)xlarge$/;

function vcpus(size: string): number | undefined {
    if (size === "large") {
        return 2;
    }
    const m = SIZE.exec(size);
    return m ? 4 * (m[1] === "" ? 1 : Number(m[1])) : undefined;
}

export interface TypeFacts {
    family: string;
    architecture: Architecture;
    /** Undefined for sizes the table does not cover (metal, medium and smaller). */
    memoryGib?: number;
}

/** What the table says about an instance type; undefined when its family is not in the table. */
export function typeFacts(instanceType: string): TypeFacts | undefined {
    const [family, size, ...rest] = instanceType.split(".");
    if (size === undefined || rest.length > 0 || !Object.hasOwn(FAMILIES, family)) {
        return undefined;
    }
    const f = FAMILIES[family];
    const n = vcpus(size);
    return { family, architecture: f.architecture, memoryGib: n === undefined ? undefined : n * f.gibPerVcpu };
}
