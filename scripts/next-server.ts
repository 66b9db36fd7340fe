/**
 * What stands in front of Next: the client's address and the request's scheme, which only the
 * socket knows. Next fills X-Forwarded-For from the socket only when a request lacks it, so any
 * client could pick the address that rate limits count; here it is replaced by the socket's, or by
 * the right-most entry when TRUST_PROXY says a proxy in front appends it. Oversized bodies are
 * refused here too, from the headers, before Next buffers any of them. And a reader's GET of a public
 * page Next has cached at the current public version is answered from that cache entry, as Next
 * would, without Next's routing, which costs several times the answer (lib/page-cache/reader-page.ts).
 * Everything else is Next's: proxy.ts, the pages, and the page cache (lib/page-cache/handler.ts).
 */
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { trustedClientAddress } from "../lib/forwarded";
import { answerFromPageCache } from "../lib/page-cache/reader-page";
import { checkRequestBody } from "../lib/request-limits";
import { STRICT_TRANSPORT_SECURITY } from "../lib/security-headers";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.env.MASTHEAD_DEV === "1";
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "1";
const MAX_DISCARDED_BYTES = 32 * 1024 * 1024;
/** How long requests under way (a save, say) get to finish once the server is asked to stop. */
const DRAIN_MS = 10_000;

const app = next({ dev, dir: root, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const body = checkRequestBody(req.method, req.url, req.headers);
  if (!body.ok) {
    // No "Connection: close": closing while the client still sends makes it fail with EPIPE
    // before it can read this answer. Let it finish, but drop anyone who keeps on sending.
    res.writeHead(body.status, { "content-type": "text/plain; charset=utf-8" });
    res.end(body.message);
    let discarded = 0;
    req.on("data", (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > MAX_DISCARDED_BYTES) req.socket.destroy();
    });
    req.resume();
    return;
  }
  req.headers["x-forwarded-for"] = trustedClientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustProxy);
  if (!trustProxy) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
  }
  const https = "encrypted" in req.socket || (trustProxy && req.headers["x-forwarded-proto"] === "https");
  if (https) res.setHeader("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  void answerFromPageCache(req, res).then(
    (answered) => {
      if (!answered) void handle(req, res);
    },
    () => void handle(req, res),
  );
});

server.listen(port, host, () => process.send?.({ ready: true }));

/**
 * Stops accepting connections and lets the requests under way finish (up to DRAIN_MS, then the rest
 * are cut). The app stops its own background work on the same signal (instrumentation.ts), and
 * serve.ts stops the embedded database only after this process has exited.
 */
async function shutdown(): Promise<never> {
  const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
  // close() drops the connections idle now; this drops those that fall idle while the rest finish.
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  const drained = await Promise.race([closed, new Promise<boolean>((resolve) => setTimeout(resolve, DRAIN_MS, false))]);
  clearInterval(idleSweep);
  if (!drained) {
    console.error(`Requests still running after ${DRAIN_MS / 1000} s were cut off.`);
    server.closeAllConnections();
  }
  process.exit(0);
}

let stopping: Promise<never> | undefined;
const stop = () => void (stopping ??= shutdown());
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
