/**
 * When a request reached the server (performance.now(), same process as the app), so each step of
 * the request can share the public state read after its arrival (see fresh-read.ts).
 * scripts/next-server.ts sets it on every request, replacing whatever a client sent.
 */
export const ARRIVAL_HEADER = "x-masthead-arrived";

export function arrivalOf(headers: Headers): number | undefined {
  const arrivedAt = Number(headers.get(ARRIVAL_HEADER) ?? Number.NaN);
  return Number.isFinite(arrivedAt) ? arrivedAt : undefined;
}
