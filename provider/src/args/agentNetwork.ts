import * as pulumi from "@pulumi/pulumi";
import { Integer } from "./integer";

/** The IP protocol of a storage flow: "tcp" (NFS, SMB, object storage, HDFS) or "udp" (NFS v3 portmapper). */
export type StorageProtocol = "tcp" | "udp";

/** A flow an EC2 agent opens to its storage: the server's address range, protocol and ports. */
export interface StorageEgress {
    /** The storage server's address or range, e.g. "10.20.5.10/32" for an NFS server. */
    cidrBlock: pulumi.Input<string>;
    /**
     * The flow's IP protocol.
     * @default storage.protocol
     */
    protocol?: StorageProtocol;
    /** First port, e.g. 2049 (NFS), 445 (SMB), 443 (object storage). */
    fromPort: Integer;
    /** Last port of a range. Defaults to `fromPort` (a single port). */
    toPort?: Integer;
}

/**
 * What an EC2 agent's security group lets out besides the endpoint. The group starts with no egress at all (the AWS
 * provider removes AWS's allow-all rule), so every flow the agent opens is listed here.
 */
export interface AgentNetwork {
    /**
     * Where DataSync task network interfaces live, reached by agents on TCP 443. Defaults to the activation subnet's
     * range, where DataSync puts them for NFS, SMB, HDFS and object storage locations; EFS and FSx locations put them
     * in the location's own subnet, which must be added here.
     */
    taskInterfaceCidrs?: pulumi.Input<string>[];
    /** Flows to the storage EC2 agents read from or write to (NFS, SMB, object storage ...). Defaults to none. */
    storageEgress?: StorageEgress[];
    /**
     * DNS servers other than the Amazon-provided resolver that EC2 agents must reach on port 53 (TCP and UDP), for
     * VPCs whose DHCP option set names custom servers. Defaults to none: security groups do not filter the Amazon
     * resolver or the Amazon Time Sync Service.
     */
    dnsServers?: pulumi.Input<string>[];
}
