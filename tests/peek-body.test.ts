import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peekBody } from "../scripts/peek-body";

/** Read the way Next reads an action's body: data events until the end. */
function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

describe("peekBody", () => {
  const server = createServer(async (req, res) => {
    const peeked = await peekBody(req);
    // Next attaches its listeners later, after routing.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const read = await readAll(req);
    res.end(JSON.stringify({ peeked: peeked.length, read: read.length, same: peeked.equals(read) }));
  });
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([0, 1, 70_000, 1024 * 1024])("hands on the whole body of %i bytes, unchanged", async (bytes) => {
    const body = Buffer.alloc(bytes, "a");
    const response = await fetch(base, { method: "POST", body, headers: { "content-type": "text/plain" } });
    expect(await response.json()).toEqual({ peeked: bytes, read: bytes, same: true });
  });
});
