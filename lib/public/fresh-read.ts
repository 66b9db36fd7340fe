/**
 * Shares one read among the requests waiting for it, without ever answering a request with a read
 * that started before the request arrived. A caller gets the newest read if that started after
 * its arrival (`arrivedAt`, from performance.now(); by default the call itself), else joins the
 * read queued behind the one in flight (or starts one when none is), so whatever committed before
 * it arrived is in its answer, and at most two reads are ever outstanding however many requests
 * come in at once. The steps of one request (the server's, then the page's) pass the request's
 * arrival and share a single read.
 */
export function freshRead<T>(read: () => Promise<T>): (arrivedAt?: number) => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  let newest: { startedAt: number; reading: Promise<T> } | undefined;

  const start = () => {
    const startedAt = performance.now();
    const reading = read();
    running = reading;
    newest = { startedAt, reading };
    const settle = () => {
      if (running === reading) running = undefined;
    };
    reading.then(settle, settle);
    return reading;
  };

  return (arrivedAt = performance.now()) => {
    if (newest && newest.startedAt >= arrivedAt) return newest.reading;
    if (queued) return queued;
    if (!running) return start();
    queued = running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };
}
