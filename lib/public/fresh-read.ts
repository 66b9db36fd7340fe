/**
 * Shares one read among the requests waiting for it, without ever answering a request with a read
 * that started before the request arrived: a caller joins the read queued behind the one in flight
 * (or starts one when none is), so whatever committed before it arrived is in its answer, and at
 * most two reads are ever outstanding however many requests come in at once.
 */
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;

  const start = () => {
    const reading = read();
    running = reading;
    const settle = () => {
      if (running === reading) running = undefined;
    };
    reading.then(settle, settle);
    return reading;
  };

  return () => {
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
