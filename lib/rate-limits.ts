import "server-only";
import { pool } from "@/db/client";
import { attemptCounter } from "./attempt-limits";

export { LIMITS, type LimitName, tooManyMessage } from "./attempt-limits";

/** Counts one attempt in the app's own pool; 0 when it may go ahead, otherwise the seconds until it may. */
export const takeAttempt = attemptCounter(pool);
