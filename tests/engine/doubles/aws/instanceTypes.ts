// The instance types the double knows: architecture, vCPUs and memory, from the Amazon EC2 instance
// types specifications (https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html and co.:
// general purpose m5/m6a/m6i/m6g/m7i/m7g/t3, compute optimized c5, memory optimized r5).
export interface InstanceType {
    architecture: "x86_64" | "arm64";
    vcpus: number;
    memoryMib: number;
}

export const INSTANCE_TYPES: Record<string, InstanceType> = {
    "t3.micro": { architecture: "x86_64", vcpus: 2, memoryMib: 1024 },
    "t3.large": { architecture: "x86_64", vcpus: 2, memoryMib: 8192 },
    "m5.xlarge": { architecture: "x86_64", vcpus: 4, memoryMib: 16384 },
    "m5.2xlarge": { architecture: "x86_64", vcpus: 8, memoryMib: 32768 },
    "m5.4xlarge": { architecture: "x86_64", vcpus: 16, memoryMib: 65536 },
    "m6a.2xlarge": { architecture: "x86_64", vcpus: 8, memoryMib: 32768 },
    "m6i.2xlarge": { architecture: "x86_64", vcpus: 8, memoryMib: 32768 },
    "m7i.2xlarge": { architecture: "x86_64", vcpus: 8, memoryMib: 32768 },
    "c5.2xlarge": { architecture: "x86_64", vcpus: 8, memoryMib: 16384 },
    "r5.2xlarge": { architecture: "x86_64", vcpus: 8, memoryMib: 65536 },
    "m6g.2xlarge": { architecture: "arm64", vcpus: 8, memoryMib: 32768 },
    "m7g.2xlarge": { architecture: "arm64", vcpus: 8, memoryMib: 32768 },
};
