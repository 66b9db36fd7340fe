import { type APIRequestContext, type BrowserContext, type Page, type Request, expect } from "@playwright/test";

export type Recorded = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Clicks a button and records the server-action POST it makes, without letting it reach the
 * server: the recorded request is the only one that could change anything.
 */
export async function recordActionRequest(page: Page, click: () => Promise<void>): Promise<Recorded> {
  let recorded: Request | undefined;
  await page.route("**/*", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      recorded = route.request();
      await route.abort();
    } else await route.fallback();
  });
  await click();
  await expect.poll(() => recorded).toBeTruthy();
  await page.unroute("**/*");
  const headers = { ...recorded!.headers() };
  delete headers.cookie;
  return { url: recorded!.url(), headers, body: recorded!.postDataBuffer()! };
}

export const cookieHeader = async (context: BrowserContext) => (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");

/** Sends a recorded request again as someone else (their cookies) or no one (null), optionally with another body. */
export function replay(request: APIRequestContext, recorded: Recorded, cookie: string | null, body: Buffer | string = recorded.body) {
  return request.fetch(recorded.url, { method: "POST", headers: { ...recorded.headers, ...(cookie && { cookie }) }, data: body, maxRedirects: 0 });
}

