import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FetchDeps, type FetchRules, defaultFetchDeps, guardedFetch, httpsTransport, standInDeps } from "@/lib/embeds/guarded-fetch";
import { isPublicAddress } from "@/lib/embeds/public-address";

/** Paths on the stand-in are `/<host><path>`, as the stand-in transport sends them. */
const answers: Record<string, (response: http.ServerResponse) => void> = {
  "/provider.example/ok": (response) => response.writeHead(200, { "content-type": "application/json" }).end('{"title":"fine"}'),
  "/provider.example/moved": (response) => response.writeHead(302, { location: "/ok" }).end(),
  "/provider.example/elsewhere": (response) => response.writeHead(301, { location: "https://metadata.internal/latest" }).end(),
  "/provider.example/loop": (response) => response.writeHead(302, { location: "/loop" }).end(),
  "/provider.example/declared-big": (response) => response.writeHead(200, { "content-length": "5000" }).end("x".repeat(5000)),
  "/provider.example/streamed-big": (response) => {
    response.writeHead(200);
    let sent = 0;
    const timer = setInterval(() => {
      if (response.destroyed || sent > 100_000) return clearInterval(timer), response.end();
      response.write("x".repeat(1000));
      sent += 1000;
    }, 1);
  },
  "/provider.example/slow-headers": (response) => void setTimeout(() => response.writeHead(200).end("late"), 2_000),
  "/provider.example/slow-body": (response) => {
    response.writeHead(200);
    response.write("{");
    setTimeout(() => response.end("}"), 2_000);
  },
  "/provider.example/missing": (response) => response.writeHead(404).end(),
};

let server: http.Server;
let deps: FetchDeps;
const arrived: string[] = [];
let addresses: Record<string, string[]> = {};

beforeAll(async () => {
  server = http.createServer((request, response) => {
    arrived.push(request.url!);
    (answers[request.url!] ?? ((r: http.ServerResponse) => r.writeHead(404).end()))(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const standIn = standInDeps(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  deps = { transport: standIn.transport, resolve: async (host) => addresses[host] ?? ["93.184.215.14"] };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const rules: FetchRules = { allowHost: (host) => host === "provider.example", maxBytes: 1024, timeoutMs: 500 };
const fetchIt = (url: string, overrides: Partial<FetchRules> = {}) => guardedFetch(url, { ...rules, ...overrides }, deps);

describe("guardedFetch", () => {
  it("fetches an allowed host's answer, following a redirect on the same host", async () => {
    expect((await fetchIt("https://provider.example/ok")).bytes.toString()).toBe('{"title":"fine"}');
    arrived.length = 0;
    expect((await fetchIt("https://provider.example/moved")).bytes.toString()).toBe('{"title":"fine"}');
    expect(arrived).toEqual(["/provider.example/moved", "/provider.example/ok"]);
  });

  it.each([
    ["https://other.example/ok", /other\.example is not on the list/],
    ["http://provider.example/ok", /Only HTTPS/],
    ["https://provider.example:8443/ok", /port or credentials/],
    ["https://user:secret@provider.example/ok", /port or credentials/],
    ["not a url", /not a valid web address/],
  ])("refuses %s without sending anything", async (url, message) => {
    arrived.length = 0;
    await expect(fetchIt(url)).rejects.toThrow(message);
    expect(arrived).toEqual([]);
  });

  it.each([["127.0.0.1"], ["10.1.2.3"], ["172.20.0.5"], ["192.168.1.1"], ["169.254.169.254"], ["0.0.0.0"], ["::1"], ["::ffff:127.0.0.1"], ["::ffff:7f00:1"], ["fd12::1"], ["fe80::1"]])(
    "refuses a host that resolves to %s without connecting",
    async (address) => {
      addresses = { "provider.example": [address] };
      arrived.length = 0;
      await expect(fetchIt("https://provider.example/ok")).rejects.toThrow(/does not lead to a public address/);
      expect(arrived).toEqual([]);
      addresses = {};
    },
  );

  it("refuses a host with any inward address among its answers (no picking the public one)", async () => {
    addresses = { "provider.example": ["93.184.215.14", "127.0.0.1"] };
    await expect(fetchIt("https://provider.example/ok")).rejects.toThrow(/does not lead to a public address/);
    addresses = {};
  });

  it("refuses a redirect to another host, and endless redirects", async () => {
    await expect(fetchIt("https://provider.example/elsewhere")).rejects.toThrow("provider.example redirected to another host (metadata.internal).");
    await expect(fetchIt("https://provider.example/loop")).rejects.toThrow(/redirected too many times/);
  });

  it("refuses answers over the size limit, declared or streamed", async () => {
    await expect(fetchIt("https://provider.example/declared-big")).rejects.toThrow("The answer is larger than 1,024 bytes.");
    await expect(fetchIt("https://provider.example/streamed-big")).rejects.toThrow("The answer is larger than 1,024 bytes.");
  });

  it("gives up on slow answers at the deadline, whether the headers or the body are late", async () => {
    for (const path of ["slow-headers", "slow-body"]) {
      const started = Date.now();
      await expect(fetchIt(`https://provider.example/${path}`, { timeoutMs: 300 })).rejects.toThrow("No complete answer within 0.3 seconds.");
      expect(Date.now() - started).toBeLessThan(1_500);
    }
  });

  it("reports a provider's error status as a sentence", async () => {
    await expect(fetchIt("https://provider.example/missing")).rejects.toThrow("provider.example answered with status 404.");
  });
});

describe("isPublicAddress", () => {
  it.each(["93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"])("accepts %s", (address) => expect(isPublicAddress(address)).toBe(true));
  it.each(["127.0.0.53", "100.64.1.1", "224.0.0.1", "255.255.255.255", "::", "2001:db8::1", "ff02::1", "64:ff9b::10.0.0.1", "2002:7f00:1::1", "not-an-ip"])(
    "refuses %s",
    (address) => expect(isPublicAddress(address)).toBe(false),
  );
});

describe("the test stand-in", () => {
  it("is only accepted on this machine", () => {
    expect(() => defaultFetchDeps({ EMBED_FETCH_STAND_IN: "http://10.0.0.5:8080" })).toThrow(/test stand-in on this machine/);
    expect(() => defaultFetchDeps({ EMBED_FETCH_STAND_IN: "https://127.0.0.1:8080" })).toThrow(/test stand-in on this machine/);
    expect(() => defaultFetchDeps({ EMBED_FETCH_STAND_IN: "http://127.0.0.1:8080" })).not.toThrow();
  });
});

describe("httpsTransport", () => {
  it("connects to the checked address itself, never looking the name up again, and asks TLS for the real host", async () => {
    const hellos: Buffer[] = [];
    const listener = net.createServer((socket) => socket.once("data", (hello) => (hellos.push(hello), socket.destroy())));
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    const { port } = listener.address() as AddressInfo;
    // The name does not exist: only the pinned address can have been used.
    const target = new URL(`https://provider.invalid:${port}/oembed`);
    await expect(httpsTransport(target, "127.0.0.1", AbortSignal.timeout(2_000))).rejects.toThrow();
    await new Promise((resolve) => listener.close(resolve));
    expect(hellos).toHaveLength(1);
    expect(hellos[0].includes(Buffer.from("provider.invalid"))).toBe(true);
  });
});
