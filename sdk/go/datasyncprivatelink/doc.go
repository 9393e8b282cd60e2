// Pulumi components for private AWS DataSync agents over PrivateLink: endpoint, security groups, network link, agent VM, activation and CreateAgent as one resource.
package datasyncprivatelink
