// DataSync agents need at least a 2xlarge (AWS agent requirements); smaller instances
// activate but stall under load, which is worse than failing up front. The architecture and
// memory are checked against AWS's own description of the type at deployment.

const SIZE = /^[a-z][a-z0-9-]*\.(?:(\d+)xlarge|metal(?:-\d+xl)?)$/;

export function isAtLeast2xlarge(instanceType: string): boolean {
    const m = SIZE.exec(instanceType);
    if (!m) {
        return false;
    }
    return m[1] === undefined ? true : Number(m[1]) >= 2;
}
