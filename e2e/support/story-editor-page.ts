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
