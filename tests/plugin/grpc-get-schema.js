// Print the schema a running provider serves: GetSchema on 127.0.0.1:PORT (the port a plugin
// prints when it starts), written to stdout exactly as received.
//   node tests/plugin/grpc-get-schema.js PORT
"use strict";
const grpc = require("@grpc/grpc-js");
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb");
const { GetSchemaRequest } = require("@pulumi/pulumi/proto/provider_pb");

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`usage: grpc-get-schema.js PORT (got ${process.argv[2]})`);
    process.exit(2);
}
const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
const deadline = new Date(Date.now() + 20000);
client.getSchema(new GetSchemaRequest(), { deadline }, (err, resp) => {
    client.close();
    if (err) {
        console.error(`GetSchema failed: ${err.message}`);
        process.exit(1);
    }
    process.stdout.write(resp.getSchema());
});
