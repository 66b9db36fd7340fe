import type { IncomingMessage } from "node:http";

/**
 * Reads a request's whole body and puts it back, so Next still reads it as sent. Bodies always
 * carry a Content-Length here (lib/request-limits.ts refuses them otherwise, and caps the size).
 * Rejects when the client stops sending before the end.
 */
export function peekBody(req: IncomingMessage): Promise<Buffer> {
  const expected = Number(req.headers["content-length"] ?? 0);
  if (!expected) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("readable", onReadable);
      req.off("end", onEnd);
      req.off("error", onEnd);
    };
    const onReadable = () => {
      for (let chunk: Buffer | null = req.read(); chunk !== null; chunk = req.read()) {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= expected) {
          stop();
          const body = Buffer.concat(chunks);
          // Back at the front of the stream, before its end is emitted: Next reads it from there.
          req.unshift(body);
          resolve(body);
          return;
        }
      }
    };
    const onEnd = () => {
      stop();
      reject(new Error("The request body ended before its Content-Length."));
    };
    req.on("readable", onReadable);
    req.on("end", onEnd);
    req.on("error", onEnd);
  });
}
