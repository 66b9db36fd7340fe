import crypto from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { trustedClientAddress } from "../lib/forwarded";
import { checkRequestBody } from "../lib/request-limits";
import { securityHeaders } from "../lib/security-headers";
import { answerFromFrontCache } from "./front-cache-answer";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.env.MASTHEAD_DEV === "1";
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "1";
const MAX_DISCARDED_BYTES = 32 * 1024 * 1024;

const app = next({ dev, dir: root, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const body = checkRequestBody(req.method, req.url, req.headers);
  if (!body.ok) {
    // No "Connection: close": closing while the client still sends makes it fail with EPIPE
    // before it can read this answer.
    res.writeHead(body.status, { "content-type": "text/plain; charset=utf-8" });
    res.end(body.message);
    // Let the client finish sending so it can read the answer, but drop anyone who keeps on sending.
    let discarded = 0;
    req.on("data", (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > MAX_DISCARDED_BYTES) req.socket.destroy();
    });
    req.resume();
    return;
  }
  // Next fills X-Forwarded-* only when absent, so a client could pick its own address.
  req.headers["x-forwarded-for"] = trustedClientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustProxy);
  if (!trustProxy) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
  }
  const https = "encrypted" in req.socket || (trustProxy && req.headers["x-forwarded-proto"] === "https");
  const nonce = crypto.randomBytes(18).toString("base64");
  const headers = securityHeaders({ nonce, https, dev });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  // Next reads the nonce from the request's policy and puts it on the scripts it writes.
  req.headers["content-security-policy"] = headers["content-security-policy"];
  void answerFromFrontCache(req, res, nonce).then(
    (answered) => {
      if (!answered) void handle(req, res);
    },
    // The cache failing (the database, say) is Next's to report, with its own error page.
    () => handle(req, res),
  );
});

server.listen(port, host, () => process.send?.({ ready: true }));

const shutdown = () => server.close(() => process.exit(0));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
