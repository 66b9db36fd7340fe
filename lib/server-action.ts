import "server-only";
import type { z } from "zod";
import type { SessionUser } from "@/db/queries/users";
import { currentUser } from "./session";

export type ActionState = { error?: string; success?: string; values?: Record<string, string> };

export const SESSION_ENDED = "Your session has ended. Sign in again.";
export const FORBIDDEN = "You don't have permission to do that.";

/**
 * A form's own fields; React's bookkeeping fields ($ACTION_…) are not the person's input.
 * A hand-made request can put anything where the form should be; that has no fields, so
 * validation answers it like an empty form.
 */
export function formFields(formData: unknown): Record<string, FormDataEntryValue> {
  if (!(formData instanceof FormData)) return {};
  return Object.fromEntries([...formData.entries()].filter(([key]) => !key.startsWith("$ACTION")));
}

export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue?.code === "unrecognized_keys") return "The form sent fields it should not have. Reload the page and try again.";
  return issue?.message ?? "Something in the form is not right.";
}

/**
 * A server action is a public endpoint: authenticate, validate, then let `act` authorize
 * (through lib/policy) and do the work. `act` may answer with more than ActionState (R).
 */
export function staffAction<S extends z.ZodType, R extends ActionState = ActionState>(
  schema: S,
  act: (input: z.output<S>, user: SessionUser) => Promise<R>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<R | ActionState> => {
    const user = await currentUser();
    if (!user) return { error: SESSION_ENDED };
    const parsed = schema.safeParse(formFields(formData));
    if (!parsed.success) return { error: firstIssue(parsed.error) };
    return act(parsed.data, user);
  };
}
