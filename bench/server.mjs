// The bench's API stand-in, forked by bench/lib.ts into its own process so that the measured
// process spends its CPU on the client only. Answers every request after draining it; the first
// path segment of the URL picks the answer (clients get it as part of their baseUrl):
//   /small/...       221 bytes of JSON (and a renewed session cookie when the request has one)
//   /1mib/...        a list answer of about 1 MiB
//   /large/...       a list answer of argv[2] MiB for `.../projects`, `{}` otherwise (Content-Length)
//   /large-gzip/...  the same, gzip-encoded and chunked
// It exits when its parent does.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";

const MiB = 1024 * 1024;

/** A list answer of at least `bytes`, made of project-like items. */
function listBody(bytes) {
  const parts = [];
  let size = 0;
  for (let id = 1; size < bytes; id++) {
    const item = `{"id":${id},"name":"Project ${id}","status":"active","global_javascript":"console.log(${id})","domains":[]}`;
    parts.push(item);
    size += item.length + 1;
  }
  return Buffer.from(`{"data":[${parts.join(",")}],"extra":{"pagination":{"current_page":1,"pages_count":1}}}`);
}

const json = { "content-type": "application/json" };
const withLength = (body, headers = json) => ({ body, headers: { ...headers, "content-length": String(body.length) } });

const small = withLength(
  Buffer.from(
    JSON.stringify({
      data: [{ id: 10034, name: "Checkout", status: "active", project_type: "web", domains: [{ url: "https://shop.example.com" }] }],
      extra: { pagination: { current_page: 1, items_count: 1, items_per_page: 10, pages_count: 1 } },
    }),
  ),
);
// A cookie session gets its cookie renewed on every answer, as the API does.
const smallSession = withLength(small.body, { ...json, "set-cookie": "sid=bench-session; Path=/; HttpOnly" });
const oneMiB = withLength(listBody(MiB));
const empty = withLength(Buffer.from("{}"));
const largeMiB = Number(process.argv[2] ?? 0);
const large = largeMiB > 0 ? listBody(largeMiB * MiB) : undefined;
const largeGzip = large && gzipSync(large, { level: 1 });

function answer(req) {
  const route = req.url.slice(1, req.url.indexOf("/", 1));
  if (route === "small") return req.headers.cookie ? smallSession : small;
  if (route === "1mib") return oneMiB;
  if (large && req.url.endsWith("/projects")) {
    if (route === "large") return withLength(large);
    if (route === "large-gzip") return { body: largeGzip, headers: { ...json, "content-encoding": "gzip" } }; // chunked
  }
  return empty;
}

const server = createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    const { body, headers } = answer(req);
    res.writeHead(200, headers).end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));
