import { type Page, expect } from "@playwright/test";
import sharp from "sharp";

/** A real image to upload, made on the spot. */
export function testImage(width = 1200): Promise<Buffer> {
  return sharp({ create: { width, height: Math.round(width * 0.6), channels: 3, background: "#3a7ca5" } })
    .png()
    .toBuffer();
}

/** The story editor as a writer uses it. */
export class StoryEditorPage {
  constructor(readonly page: Page) {}

  body() {
    return this.page.getByRole("textbox", { name: "Story body" });
  }

  saveStatus() {
    return this.page.getByTestId("save-status");
  }

  async createStory() {
    await this.page.goto("/desk/stories");
    await this.page.getByRole("button", { name: "New story" }).click();
    await expect(this.page).toHaveURL(/\/desk\/stories\/[0-9a-f-]{36}\/edit$/);
    await expect(this.body()).toBeVisible();
    return this.page.url();
  }

  async expectSaved() {
    await expect(this.saveStatus()).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 15_000 });
  }
}
