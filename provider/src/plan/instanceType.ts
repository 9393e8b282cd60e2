// DataSync agents need at least a 2xlarge (AWS agent requirements); smaller
// instances activate but stall under load, which is worse than failing up front.

const SIZE = /^[a-z][a-z0-9-]*\.(?:(\d+)xlarge|metal(?:-\d+xl)?)$/;

export function isAtLeast2xlarge(instanceType: string): boolean {
    const m = SIZE.exec(instanceType);
    if (!m) {
        return false;
    }
    return m[1] === undefined ? true : Number(m[1]) >= 2;
}

export type AgentMode = "basic" | "enhanced";

export const DEFAULT_INSTANCE_TYPE: Record<AgentMode, string> = {
    basic: "m5.2xlarge",
    enhanced: "m6a.2xlarge",
};

/** Public SSM parameters AWS publishes the agent AMI under. */
export const AMI_PARAMETER: Record<AgentMode, string> = {
    basic: "/aws/service/datasync/ami",
    enhanced: "/aws/service/datasync/ami/v3",
};

export const ROOT_VOLUME_GIB = 80;
