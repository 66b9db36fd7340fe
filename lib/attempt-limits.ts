import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Limits that hold across instances because they live in Postgres (the rate_limits table the
 * sign-in throttle uses). Each is a number of attempts per window, per key (a person or an address).
 * Free of "server-only" so scripts/next-server.ts can count searches before Next sees them.
 */
export const LIMITS = {
  inviteAcceptance: { points: 10, seconds: 15 * 60 },
  passwordReset: { points: 10, seconds: 15 * 60 },
  /** "Forgot password?" requests, counted by address and by the email asked about. */
  resetRequestByAddress: { points: 5, seconds: 60 * 60 },
  resetRequestByEmail: { points: 5, seconds: 60 * 60 },
  upload: { points: 60, seconds: 60 * 60 },
  comment: { points: 30, seconds: 5 * 60 },
  search: { points: 30, seconds: 60 },
} as const;
export type LimitName = keyof typeof LIMITS;

/** Counts one attempt; 0 when it may go ahead, otherwise the seconds until it may. */
export type TakeAttempt = (name: LimitName, key: string) => Promise<number>;

export function attemptCounter(pool: () => Pick<pg.Pool, "query">): TakeAttempt {
  // Unnamed statements only, as in lib/sign-in-throttle.ts.
  const store = {
    query: (query: { text: string; values?: unknown[] }) => pool().query({ text: query.text, values: query.values }),
  };
  const limiters = new Map<LimitName, RateLimiterPostgres>();
  const limiter = (name: LimitName) => {
    let existing = limiters.get(name);
    if (!existing) {
      existing = new RateLimiterPostgres({
        storeClient: store,
        storeType: "pool",
        tableName: "rate_limits",
        tableCreated: true,
        keyPrefix: `limit_${name}`,
        points: LIMITS[name].points,
        duration: LIMITS[name].seconds,
      });
      limiters.set(name, existing);
    }
    return existing;
  };
  return async (name, key) => {
    try {
      await limiter(name).consume(key);
      return 0;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw refusal;
    }
  };
}

export function tooManyMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts. Try again in ${minutes === 1 ? "a minute" : `${minutes} minutes`}.`;
}
