// The benchmark's API stand-in: a node:http server on 127.0.0.1 that drains each request and
// answers the same small JSON body. It runs in its own process (forked by bench/http.ts) so that
// the process being measured spends its time on the client only. It exits when its parent does.
import { createServer } from "node:http";

const body = Buffer.from(
  JSON.stringify({
    data: [{ id: 10034, name: "Checkout", status: "active", project_type: "web", domains: [{ url: "https://shop.example.com" }] }],
    extra: { pagination: { current_page: 1, items_count: 1, items_per_page: 10, pages_count: 1 } },
  }),
);
const headers = { "content-type": "application/json", "content-length": String(body.length) };
// A cookie session gets its cookie renewed on every answer, as the API does.
const sessionHeaders = { ...headers, "set-cookie": "sid=bench-session; Path=/; HttpOnly" };

const server = createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => res.writeHead(200, req.headers.cookie ? sessionHeaders : headers).end(body));
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));
