import crypto from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import type pg from "pg";
import { createPool } from "../db/pool";
import { checkActionBody, isActionRequest } from "../lib/action-body";
import { attemptCounter } from "../lib/attempt-limits";
import { trustedClientAddress } from "../lib/forwarded";
import { checkRequestBody } from "../lib/request-limits";
import { isCountedSearch, searchLimitedPage } from "../lib/search-limit";
import { ARRIVAL_HEADER } from "../lib/public/request-arrival";
import { securityHeaders } from "../lib/security-headers";
import { beginShutdown, isShuttingDown, runShutdownStage } from "../lib/shutdown";
import { answerFromFrontCache, captureIntoFrontCache, frontCacheKeyFor } from "./front-cache-answer";
import { peekBody } from "./peek-body";
import { routeStoryRequest } from "./story-routes";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.env.MASTHEAD_DEV === "1";
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "1";
const MAX_DISCARDED_BYTES = 32 * 1024 * 1024;
/** How long requests under way (a save, say) get to finish once the server is asked to stop. */
const DRAIN_MS = 10_000;
/** Then each of: background work stopping, database connections closing. */
const STAGE_MS = 2_000;

const app = next({ dev, dir: root, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// Its own small pool: the app's lives inside Next's bundle.
let limitPool: pg.Pool | undefined;
const takeAttempt = attemptCounter(() => (limitPool ??= createPool(process.env.DATABASE_URL, 2)));

/** Seconds this address must wait before searching again; 0 lets it through, also when the count cannot be kept. */
async function searchWait(address: string): Promise<number> {
  try {
    return await takeAttempt("search", address);
  } catch (error) {
    // The page would fail the same way; refusing every search for it would only hide the cause.
    console.error("Counting a search failed", error);
    return 0;
  }
}

const server = createServer(async (req, res) => {
  const arrivedAt = performance.now();
  req.headers[ARRIVAL_HEADER] = String(arrivedAt);
  // A request on a kept-alive connection while stopping is answered, and the connection closed after.
  if (isShuttingDown()) res.setHeader("connection", "close");
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
  const clientAddress = trustedClientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustProxy);
  req.headers["x-forwarded-for"] = clientAddress;
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
  if (isActionRequest(req.method, req.url, req.headers)) {
    const verdict = await peekBody(req).then(
      (sent) => checkActionBody(req.headers["content-type"], sent),
      () => ({ ok: false as const, status: 400 as const, message: "The request body is incomplete." }),
    );
    if (!verdict.ok) {
      res.writeHead(verdict.status, { "content-type": "text/plain; charset=utf-8" });
      res.end(verdict.message);
      return;
    }
  }
  if (isCountedSearch(req.method, req.url)) {
    const wait = await searchWait(clientAddress);
    if (wait > 0) {
      res.writeHead(429, { "content-type": "text/html; charset=utf-8", "retry-after": String(wait), "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : searchLimitedPage(wait));
      return;
    }
  }
  // Not in development, where the code behind a page changes under the same public version.
  const cacheKey = frontCacheKeyFor(req);
  // The cache failing (the database, say) is Next's to report, with its own error page.
  if (cacheKey && !dev && (await answerFromFrontCache(cacheKey, req, res, nonce, arrivedAt).catch(() => false))) return;
  try {
    if (await routeStoryRequest(req, res, arrivedAt)) return;
  } catch (error) {
    console.error("Looking up a story address failed", error);
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5", "cache-control": "no-store" });
    res.end("The newsroom could not look up this story just now. Please try again in a moment.");
    return;
  }
  if (cacheKey && !dev) await captureIntoFrontCache(cacheKey, req, res, arrivedAt).catch(() => undefined);
  void handle(req, res);
});

server.listen(port, host, () => process.send?.({ ready: true }));

/**
 * Stops accepting connections and lets the requests under way finish (up to DRAIN_MS, then the
 * rest are cut); meanwhile the scheduler stops after its current tick. Only then do the database
 * pools close, so no save is cut off half-way. serve.ts stops the embedded database after this exits.
 */
async function shutdown(): Promise<never> {
  beginShutdown();
  const workStopped = runShutdownStage("stop work", DRAIN_MS);
  const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
  // close() drops the connections idle now; this drops those that fall idle while the rest finish.
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  const drained = await Promise.race([closed, new Promise<boolean>((resolve) => setTimeout(resolve, DRAIN_MS, false))]);
  clearInterval(idleSweep);
  if (!drained) {
    console.error(`Requests still running after ${DRAIN_MS / 1000} s were cut off.`);
    server.closeAllConnections();
  }
  await Promise.race([workStopped, new Promise((resolve) => setTimeout(resolve, STAGE_MS))]);
  await Promise.all([runShutdownStage("close connections", STAGE_MS), limitPool?.end().catch(() => undefined)]);
  process.exit(0);
}

let stopping: Promise<never> | undefined;
const stop = () => void (stopping ??= shutdown());
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
