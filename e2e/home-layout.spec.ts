import { type Page, type TestInfo } from "@playwright/test";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { insertStory, uploadImage, waitUntilLive } from "./support/public-site";

const WIDTHS = [360, 768, 1280, 1600];

/** Written into the test's results folder (kept with KEEP_TEST_ARTIFACTS=1) and attached to the report. */
async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  // Images in view finish loading first, or the lead's photo is a blank box in the picture.
  await page.waitForFunction(() =>
    Array.from(document.images).every((image) => image.getBoundingClientRect().top > innerHeight || (image.complete && image.naturalWidth > 0)),
  );
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** How wide the lead story's headline is, against the width the page gives its content. */
async function leadHeadlineShare(page: Page): Promise<number> {
  const headline = await page.getByRole("list", { name: "Latest stories" }).getByRole("listitem").first().getByRole("heading", { level: 2 }).boundingBox();
  const content = await page.getByRole("main").evaluate((main) => {
    const style = getComputedStyle(main);
    return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  });
  return headline!.width / content;
}

test("the lead story's headline takes the width it needs at common screen widths", async ({ page, request }, testInfo) => {
  test.slow();
  const staff = await signInAsNewStaff(page, "editor");
  const image = await uploadImage(page);
  const withImage = await insertStory({
    headline: "Harbour authority approves the new ferry terminal after a year of hearings",
    authorId: staff.id,
    featuredImage: { id: image.id, alt: "The ferry terminal site at dawn", caption: "", credit: "" },
  });
  await waitUntilLive(request, withImage.path);
  await page.context().clearCookies();

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    await keepScreenshot(page, testInfo, `home-${width}px`);
    // Wider than the half at every width; at phone widths it is the whole column.
    expect(await leadHeadlineShare(page), `lead headline at ${width} px`).toBeGreaterThanOrEqual(width < 768 ? 0.99 : 0.5);
  }

  // A lead without an image was squeezed hardest: into one column of five.
  const withoutImage = await insertStory({ headline: "Night buses return to the harbour line from Monday", authorId: staff.id });
  await waitUntilLive(request, withoutImage.path);
  await page.context().clearCookies();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await keepScreenshot(page, testInfo, "home-1280px-lead-without-image");
  expect(await leadHeadlineShare(page)).toBeGreaterThanOrEqual(0.5);
});
