import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isPublicAddress } from "./public-address";

/**
 * Fetching on the server a URL that came from a person is a server-side request forgery risk:
 * the address could name this machine, the database, a cloud metadata service or a neighbour.
 * guardedFetch only talks HTTPS to hosts the caller allows, checks every resolved address is on
 * the public internet and connects to exactly that address (no second lookup to rebind), follows
 * redirects only on the same host, and gives up after a deadline or a byte limit.
 */

/** The fetch was not made, or was abandoned; `message` is a sentence for the person who added the link. */
export class FetchRefused extends Error {
  override name = "FetchRefused";
}

export type FetchAnswer = {
  status: number;
  location: string | null;
  contentLength: number | null;
  contentType: string;
  body: AsyncIterable<Uint8Array>;
  /** Stops reading and frees the connection. */
  discard: () => void;
};

/** Connects to `address` (already checked) and asks for `target`. */
export type Transport = (target: URL, address: string, signal: AbortSignal) => Promise<FetchAnswer>;
export type Resolver = (hostname: string) => Promise<string[]>;

export type FetchRules = {
  allowHost: (hostname: string) => boolean;
  maxBytes: number;
  timeoutMs: number;
};

export type FetchDeps = { resolve: Resolver; transport: Transport };

const MAX_REDIRECTS = 3;
const USER_AGENT = "Masthead (embed preview; +https://github.com/masthead)";

function answerOf(response: http.IncomingMessage): FetchAnswer {
  const length = Number(response.headers["content-length"]);
  return {
    status: response.statusCode ?? 0,
    location: response.headers.location ?? null,
    contentLength: Number.isFinite(length) && response.headers["content-length"] !== undefined ? length : null,
    contentType: response.headers["content-type"] ?? "",
    body: response,
    discard: () => response.destroy(),
  };
}

function request(module: typeof https | typeof http, url: URL | string, options: https.RequestOptions, signal: AbortSignal): Promise<FetchAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = module.request(url, { ...options, method: "GET", signal }, (response) => resolve(answerOf(response)));
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** HTTPS to the checked address only: the socket's lookup answers with it, and TLS still verifies the host's name. */
export const httpsTransport: Transport = (target, address, signal) => {
  const family = net.isIP(address);
  const lookup = (_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
    options.all ? callback(null, [{ address, family }]) : callback(null, address, family);
  return request(https, target, { agent: false, lookup: lookup as never, servername: target.hostname, headers: { "user-agent": USER_AGENT } }, signal);
};

export const dnsResolver: Resolver = async (hostname) => (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * For tests only: every request goes, as plain HTTP, to a stand-in on this machine, which gets the
 * real host and path as its path (`/www.youtube.com/oembed?…`). All the rules above still apply.
 */
export function standInDeps(base: string): FetchDeps {
  if (!/^http:\/\/(?:127\.0\.0\.1|localhost):\d{1,5}$/.test(base)) {
    throw new Error(`EMBED_FETCH_STAND_IN must be http://127.0.0.1:<port> (a test stand-in on this machine), not ${JSON.stringify(base)}.`);
  }
  return {
    // Never connected to: the stand-in transport ignores it. Public, so the address rule is exercised as in production.
    resolve: async () => ["93.184.215.14"],
    transport: (target, _address, signal) => request(http, `${base}/${target.hostname}${target.pathname}${target.search}`, { agent: false }, signal),
  };
}

/** The real internet, or the stand-in a test server was started with (EMBED_FETCH_STAND_IN). */
export function defaultFetchDeps(env: Record<string, string | undefined> = process.env): FetchDeps {
  const standIn = env.EMBED_FETCH_STAND_IN;
  return standIn ? standInDeps(standIn) : { resolve: dnsResolver, transport: httpsTransport };
}

async function readCapped(answer: FetchAnswer, maxBytes: number): Promise<Buffer> {
  if (answer.contentLength !== null && answer.contentLength > maxBytes) {
    answer.discard();
    throw new FetchRefused(`The answer is larger than ${maxBytes.toLocaleString("en-US")} bytes.`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of answer.body) {
    total += chunk.length;
    if (total > maxBytes) {
      answer.discard();
      throw new FetchRefused(`The answer is larger than ${maxBytes.toLocaleString("en-US")} bytes.`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

async function checkedAddress(hostname: string, resolve: Resolver): Promise<string> {
  let addresses: string[];
  try {
    addresses = await resolve(hostname);
  } catch {
    throw new FetchRefused(`The address ${hostname} could not be found.`);
  }
  // Every answer must be public: a name that also resolves inward is not trusted with either.
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) {
    throw new FetchRefused(`${hostname} does not lead to a public address on the internet.`);
  }
  return addresses[0];
}

function checkTarget(target: URL, rules: FetchRules): void {
  if (target.protocol !== "https:") throw new FetchRefused("Only HTTPS addresses are fetched.");
  if (target.username || target.password || target.port) throw new FetchRefused("Addresses with a port or credentials are not fetched.");
  if (!rules.allowHost(target.hostname)) throw new FetchRefused(`${target.hostname} is not on the list of providers we fetch from.`);
}

async function fetchWithin(url: string, rules: FetchRules, deps: FetchDeps, signal: AbortSignal): Promise<{ bytes: Buffer; contentType: string }> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new FetchRefused("The address is not a valid web address.");
  }
  for (let redirects = 0; ; redirects++) {
    checkTarget(target, rules);
    const address = await checkedAddress(target.hostname, deps.resolve);
    const answer = await deps.transport(target, address, signal);
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      answer.discard();
      const next = new URL(answer.location, target);
      if (next.hostname !== target.hostname) throw new FetchRefused(`${target.hostname} redirected to another host (${next.hostname}).`);
      if (redirects >= MAX_REDIRECTS) throw new FetchRefused(`${target.hostname} redirected too many times.`);
      target = next;
      continue;
    }
    if (answer.status !== 200) {
      answer.discard();
      throw new FetchRefused(`${target.hostname} answered with status ${answer.status}.`);
    }
    return { bytes: await readCapped(answer, rules.maxBytes), contentType: answer.contentType };
  }
}

/** GET `url` under `rules`; throws FetchRefused with a sentence whenever a rule stops it. */
export async function guardedFetch(url: string, rules: FetchRules, deps: FetchDeps = defaultFetchDeps()): Promise<{ bytes: Buffer; contentType: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), rules.timeoutMs);
  const slow = new Promise<never>((_, reject) =>
    controller.signal.addEventListener("abort", () => reject(new FetchRefused(`No complete answer within ${rules.timeoutMs / 1000} seconds.`))),
  );
  slow.catch(() => {});
  try {
    // The race covers the lookup too, which cannot be aborted.
    return await Promise.race([fetchWithin(url, rules, deps, controller.signal), slow]);
  } catch (error) {
    if (error instanceof FetchRefused) throw error;
    if (controller.signal.aborted) throw new FetchRefused(`No complete answer within ${rules.timeoutMs / 1000} seconds.`);
    throw new FetchRefused("The provider could not be reached.");
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
