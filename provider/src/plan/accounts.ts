const ACCOUNT = /^\d{12}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]+$/;

export function isAccountId(v: unknown): v is string {
    return typeof v === "string" && ACCOUNT.test(v);
}

export function isRoleArn(v: unknown): v is string {
    return typeof v === "string" && ROLE_ARN.test(v);
}

export function accountOfRoleArn(arn: string): string | undefined {
    return ROLE_ARN.exec(arn)?.[1];
}
