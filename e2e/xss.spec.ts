import type { Browser, Page } from "@playwright/test";
import { XSS_CLASSES, XSS_PAYLOADS, xssBatches } from "../tests/support/xss-corpus";
import { createStaff } from "./support/database";
import { LoginPage, expect, test } from "./support/fixtures";
import { servers } from "./support/servers";
import { parseXml, uploadImage, waitUntilLive } from "./support/public-site";
import { marker, putPayloadsInSettings, seedXssWorld, type XssWorld } from "./support/xss-world";
import { probe, watchForExecution } from "./support/xss-probe";

const probeText = async (page: Page) => (await probe(page)).text;

// This file runs in its own project, after every other newsroom test: it renames the publication
// and fills the navigation, staff list and audit log with payloads.
test.describe.configure({ mode: "serial" });

const BATCHES = xssBatches(5);
let checks = 0;

type Visit = { path: string; shows: string[] };

/** Every page that shows a stored field, with the fields it must be seen to show. */
function deskPages(world: XssWorld): Visit[] {
  const story = ["headline"];
  const calendarDay = world.scheduled.publishAt!.toISOString().slice(0, 10);
  return [
    { path: "/desk", shows: ["name"] },
    { path: "/desk/stories", shows: [...story, "name"] },
    { path: "/desk/pages", shows: story },
    { path: `/desk/stories/${world.page.id}/edit`, shows: ["headline", "dek", "body", "body caption", "body credit"] },
    { path: `/desk/stories/${world.inReview.id}/edit`, shows: ["headline", "dek", "body", "body caption", "body credit", "comment", "name"] },
    { path: `/desk/stories/${world.live.id}/edit`, shows: ["headline", "dek", "body", "body caption", "body credit"] },
    { path: `/desk/stories/${world.inReview.id}/preview`, shows: ["headline", "dek", "body", "body caption", "body credit", "name"] },
    { path: "/desk/review", shows: story },
    { path: `/desk/calendar?view=month&date=${calendarDay}`, shows: story },
    { path: "/desk/notifications", shows: ["name", "headline", "notification"] },
    { path: "/desk/admin/audit", shows: ["name", "audit target", "audit note"] },
    { path: `/desk/media?uploader=${world.person.id}`, shows: ["name", "media alt", "media caption", "media credit", "headline"] },
    { path: "/desk/admin/staff", shows: ["name"] },
    { path: "/desk/admin/sections", shows: ["section"] },
    { path: "/desk/admin/footer", shows: story },
    { path: "/desk/admin/settings", shows: ["publication", "description"] },
    { path: "/desk/profile", shows: ["name", "bio"] },
  ];
}

function publicPages(world: XssWorld, payloads: string[]): Visit[] {
  const site = ["publication"];
  return [
    { path: "/", shows: [...site, "headline"] },
    { path: `/${world.section.slug}`, shows: [...site, "section", "headline", "dek"] },
    { path: world.livePath, shows: [...site, "headline", "dek", "body", "body caption", "body credit", "featured caption", "featured credit", "name", "tag", "correction"] },
    { path: world.pagePath, shows: [...site, "headline", "dek", "body", "body caption", "body credit"] },
    { path: `/authors/${world.person.slug}`, shows: [...site, "name", "bio", "headline"] },
    { path: `/tags/${world.storyTag.slug}`, shows: [...site, "tag", "headline"] },
    { path: `/search?q=${world.searchWord}`, shows: [...site, "headline"] },
    { path: `/search?q=${encodeURIComponent(payloads.join(" "))}`, shows: site },
    { path: "/corrections", shows: [...site, "correction"] },
    { path: `/preview/${world.previewToken}`, shows: ["headline", "dek", "body", "body caption", "body credit"] },
  ];
}

const XML_DOCUMENTS = ["/feed.xml", "/sitemap.xml", "/news-sitemap.xml"];

/** The fields a page does not show (yet): client-rendered parts such as the editor fill in after load. */
async function fieldsNotShown(page: Page, fields: string[]): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    // Lower case: innerText follows CSS, and some labels are set in capitals.
    const text = (await probeText(page)).toLowerCase();
    const missing = fields.filter((field) => !text.includes(marker(field)));
    if (missing.length === 0 || Date.now() > deadline) return missing;
    await page.waitForTimeout(250);
  }
}

/**
 * Opens each page and holds it to: no payload ran, nothing on it could run, no dialog and no CSP
 * violation. Returns the fields a page failed to show, so one run reports all of them.
 */
async function visitAll(page: Page, visits: Visit[], alarms: string[]): Promise<string[]> {
  const notShown: string[] = [];
  for (const visit of visits) {
    const response = await page.goto(visit.path);
    expect(response?.status(), visit.path).toBeLessThan(400);
    notShown.push(...(await fieldsNotShown(page, visit.shows)).map((field) => `${field} on ${visit.path}`));
    const verdict = await probe(page, response?.headers()["content-security-policy"]);
    expect(verdict.ran, `a payload ran on ${visit.path}`).toBeUndefined();
    expect(verdict.findings, `executable markup on ${visit.path}`).toEqual([]);
    expect(verdict.csp, `CSP violations on ${visit.path}`).toEqual([]);
    expect(alarms, `dialogs or CSP violations on ${visit.path}`).toEqual([]);
    checks += Math.max(visit.shows.length, 1);
  }
  return notShown;
}

async function signedInContext(browser: Browser, address: string, email?: string, password?: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  const alarms = await watchForExecution(context);
  const page = await context.newPage();
  if (email && password) {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(email, password);
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
  }
  return { context, page, alarms };
}

for (const [index, payloads] of BATCHES.entries()) {
  test(`batch ${index + 1} of ${BATCHES.length}: ${payloads.length} payloads in every field, on every desk and public page, run nowhere`, async ({ browser, request }) => {
    test.slow();
    const uploader = await createStaff(servers.newsroom, "writer");
    const upload = await signedInContext(browser, `2001:db8::55:${index}0`, uploader.email, uploader.password);
    const image = await uploadImage(upload.page);
    await upload.context.close();

    const world = await seedXssWorld(index + 1, payloads, image);
    const restoreSettings = await putPayloadsInSettings(payloads);
    try {
      await waitUntilLive(request, world.livePath);
      await waitUntilLive(request, world.pagePath);
      const desk = await signedInContext(browser, `2001:db8::55:${index}1`, world.person.email, world.password);
      const notShown = await visitAll(desk.page, deskPages(world), desk.alarms);
      await desk.context.close();

      const reader = await signedInContext(browser, `2001:db8::55:${index}2`);
      notShown.push(...(await visitAll(reader.page, publicPages(world, payloads), reader.alarms)));
      for (const path of [...XML_DOCUMENTS, `/${world.section.slug}/feed.xml`]) {
        const response = await request.get(path);
        expect(response.status(), path).toBe(200);
        const xml = await response.text();
        // Well-formed, and the payloads stayed text: no element any of them tried to open.
        for (const element of ["script", "img", "svg", "iframe", "a"]) expect(await parseXml(reader.page, xml, element), `<${element}> in ${path}`).toEqual([]);
        checks += 1;
      }
      expect(reader.alarms).toEqual([]);
      await reader.context.close();
      expect(notShown, "fields each page should have shown").toEqual([]);
    } finally {
      await restoreSettings();
    }
  });
}

test.afterAll(() => {
  console.log(`XSS corpus: ${XSS_PAYLOADS.length} payloads in ${XSS_CLASSES.length} classes, ${BATCHES.length} batches; ${checks} field × page checks`);
});
