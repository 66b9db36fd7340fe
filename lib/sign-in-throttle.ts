import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "@/db/client";

export const MAX_FAILURES = 10;
export const WINDOW_SECONDS = 15 * 60;

// Unnamed statements only: behind the embedded server every connection shares one backend,
// so the library's named prepared statements would collide between connections.
const store = {
  query: (query: { text: string; values?: unknown[] }) => pool().query({ text: query.text, values: query.values }),
};

function limiter(keyPrefix: string) {
  return new RateLimiterPostgres({
    storeClient: store,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    keyPrefix,
    points: MAX_FAILURES,
    duration: WINDOW_SECONDS,
  });
}

const globalForLimiters = globalThis as unknown as { signInLimiters?: ReturnType<typeof createLimiters> };
function createLimiters() {
  return { byAccount: limiter("sign_in_account"), byIp: limiter("sign_in_ip") };
}
const limiters = () => (globalForLimiters.signInLimiters ??= createLimiters());

/** Seconds until sign-in is allowed again for this account or address, or 0 if it is allowed now. */
export async function signInBlockedFor(email: string, ip: string): Promise<number> {
  const { byAccount, byIp } = limiters();
  const states = await Promise.all([byAccount.get(email), byIp.get(ip)]);
  const blocked = states.filter((state): state is RateLimiterRes => state !== null && state.consumedPoints >= MAX_FAILURES);
  if (blocked.length === 0) return 0;
  return Math.ceil(Math.max(...blocked.map((state) => state.msBeforeNext)) / 1000);
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  const { byAccount, byIp } = limiters();
  // Consuming past the limit rejects with the state; the failure is counted either way.
  await Promise.allSettled([byAccount.consume(email), byIp.consume(ip)]);
}

export async function clearAccountFailures(email: string): Promise<void> {
  await limiters().byAccount.delete(email);
}
