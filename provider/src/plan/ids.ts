// AWS resource IDs and ARNs by kind. IDs are a prefix and 8 or 17 lower-case hex digits
// (EC2 moved to the longer form in 2018 and still honours the short one); a wrong kind in
// the right field is the commonest copy-paste mistake, and AWS only reports it after the
// resources before it were created.

export type IdKind = "vpc" | "subnet" | "sg" | "rtb" | "tgw" | "tgw-rtb" | "ami" | "vpce" | "eni" | "pcx" | "vgw" | "i";

const DESCRIPTION: Record<IdKind, string> = {
    vpc: "VPC",
    subnet: "subnet",
    sg: "security group",
    rtb: "route table",
    tgw: "transit gateway",
    "tgw-rtb": "transit gateway route table",
    ami: "AMI",
    vpce: "VPC endpoint",
    eni: "network interface",
    pcx: "VPC peering connection",
    vgw: "virtual private gateway",
    i: "EC2 instance",
};

/** True when `value` is an ID of that kind, e.g. isId("subnet", "subnet-0aaa1111bbbb2222c"). */
export function isId(kind: IdKind, value: unknown): value is string {
    return typeof value === "string" && new RegExp(`^${kind}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`).test(value);
}

/** "subnet ID (subnet-...)", for error messages. */
export function idDescription(kind: IdKind): string {
    return `${DESCRIPTION[kind]} ID (${kind}-...)`;
}

/** The kind an ID looks like, to name the mix-up ("this is a route table ID"). */
export function idKindOf(value: string): IdKind | undefined {
    // Longest prefix first: tgw-rtb- before tgw-.
    const kinds = (Object.keys(DESCRIPTION) as IdKind[]).sort((a, b) => b.length - a.length);
    return kinds.find((k) => isId(k, value));
}

const EC2_ARN = /^arn:aws(?:-[a-z]+)*:ec2:([a-z0-9-]+):(\d{12}):(subnet|security-group)\/((?:subnet|sg)-[0-9a-f]+)$/;

export interface Ec2Arn {
    region: string;
    account: string;
    kind: "subnet" | "security-group";
    id: string;
}

/** Parses a subnet or security group ARN, as CreateAgent takes them. */
export function parseEc2Arn(value: unknown): Ec2Arn | undefined {
    const m = typeof value === "string" ? EC2_ARN.exec(value) : null;
    if (!m) {
        return undefined;
    }
    const kind = m[3] as Ec2Arn["kind"];
    const id = m[4];
    if (!isId(kind === "subnet" ? "subnet" : "sg", id)) {
        return undefined;
    }
    return { region: m[1], account: m[2], kind, id };
}
