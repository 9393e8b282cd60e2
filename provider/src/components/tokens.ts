export const PACKAGE = "datasync-privatelink";

export const TOKENS = {
    ServiceEndpoint: `${PACKAGE}:index:ServiceEndpoint`,
    NetworkLink: `${PACKAGE}:index:NetworkLink`,
    Agent: `${PACKAGE}:index:Agent`,
    PrivateAgent: `${PACKAGE}:index:PrivateAgent`,
} as const;
