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

  /**
   * As an editor: a fresh story in News through review to Approved. Returns the slug the desk
   * derived from the headline.
   */
  async approvedStory(story: { headline: string; text: string; tags?: string }) {
    await this.createStory();
    await this.page.getByLabel("Headline").fill(story.headline);
    await this.page.getByLabel("Dek").fill("The harbour master says the new timetable starts on the first of the month.");
    await this.page.getByLabel("Section").selectOption({ label: "News" });
    if (story.tags) await this.page.getByLabel("Tags").fill(story.tags);
    await this.body().click();
    await this.page.keyboard.type(story.text);
    const slug = await this.page.getByLabel("Slug").inputValue();
    await this.page.getByRole("button", { name: "Submit for review" }).click();
    await expect(this.page.getByTestId("story-status")).toHaveText("In review");
    await this.page.getByRole("region", { name: "Editing desk" }).getByRole("button", { name: "Approve" }).click();
    await expect(this.page.getByTestId("story-status")).toHaveText("Approved");
    return slug;
  }

  /** Selects words in the story body as a person dragging across them would. */
  async selectPhrase(phrase: string) {
    await this.body().evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent!.indexOf(wanted);
        if (index === -1) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + wanted.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in the story body`);
    }, phrase);
  }

  async expectSaved() {
    await expect(this.saveStatus()).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 15_000 });
  }
}
