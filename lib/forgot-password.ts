/** What "Send reset link" answers, whether or not the address has an account. */
export const RESET_REQUESTED = "If an account exists for that address, we have sent a link to set a new password. It works once, for one hour.";

/** Every answer takes at least this long, so the time says nothing about whether an account exists. */
const ANSWER_FLOOR_MS = 600;

export async function waitOutAnswerFloor(startedAt: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, ANSWER_FLOOR_MS - (Date.now() - startedAt))));
}
