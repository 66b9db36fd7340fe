import { type Page } from "@playwright/test";
import { STORY_CHANGED, TRANSITIONS, type TransitionName, canStartFrom } from "../lib/workflow/transitions";
import type { StoryStatus } from "../db/schema";
import { expect, signInAsNewStaff, test } from "./support/fixtures";
import { StoryEditorPage } from "./support/story-editor-page";

/**
 * Every step a person can take on a story's page, one after another without reloading: the second
 * step must build on the revision the first produced, never be refused as someone else's change.
 */
type PersonStep = Exclude<TransitionName, "scheduledPublish">;
type Step = "save" | PersonStep;
type Model = { status: StoryStatus; pendingUpdate: boolean };

const STEPS: Step[] = ["save", ...(Object.keys(TRANSITIONS) as TransitionName[]).filter((name): name is PersonStep => name !== "scheduledPublish")];

// Editors may edit in every status; Publish update is offered once a published story has saved edits.
function allowed(step: Step, model: Model): boolean {
  if (step === "save") return true;
  if (step === "publishUpdate") return model.status === "published" && model.pendingUpdate;
  return canStartFrom(step, model.status);
}

function after(step: Step, model: Model): Model {
  if (step === "save") return { status: model.status, pendingUpdate: model.status === "published" };
  return { status: TRANSITIONS[step].to, pendingUpdate: false };
}

/** Every "A, then B" the workflow allows, over every state a story can reach from a new draft. */
function allowedPairs(): Set<string> {
  const pairs = new Set<string>();
  const seen = new Set<string>();
  const pending: Model[] = [{ status: "draft", pendingUpdate: false }];
  while (pending.length > 0) {
    const model = pending.pop()!;
    if (seen.has(JSON.stringify(model))) continue;
    seen.add(JSON.stringify(model));
    for (const first of STEPS.filter((step) => allowed(step, model))) {
      const next = after(first, model);
      for (const second of STEPS.filter((step) => allowed(step, next))) pairs.add(`${first} → ${second}`);
      pending.push(next);
    }
  }
  return pairs;
}

// Four chains because a story goes live only once in a chain, and four different steps lead to Publish now.
const CHAINS: Step[][] = [
  ["save", "submit", "withdraw", "submit", "requestChanges", "submit", "approve", "requestChanges", "save", "submit", "save", "approve",
    "publishNow", "save", "publishUpdate", "unpublish", "republish", "unpublish", "save", "republish", "save", "save", "unpublish"],
  ["save", "submit", "save", "withdraw", "save", "submit", "approve", "save", "requestChanges", "submit", "approve", "save", "schedule",
    "save", "unschedule", "save", "publishNow", "unpublish", "republish", "save", "publishUpdate", "save"],
  ["save", "submit", "approve", "schedule", "unschedule", "schedule", "requestChanges", "submit", "approve", "schedule", "publishNow"],
  ["save", "submit", "approve", "schedule", "unschedule", "requestChanges", "submit", "approve", "schedule", "unschedule", "publishNow"],
];

function walkedPairs(chain: Step[]): string[] {
  let model: Model = { status: "draft", pendingUpdate: false };
  return chain.map((step, index) => {
    if (!allowed(step, model)) throw new Error(`step ${index + 1} (${step}) is not allowed from ${model.status}`);
    model = after(step, model);
    return index > 0 ? `${chain[index - 1]} → ${step}` : "";
  });
}

test("the chains below take every pair of consecutive steps the workflow allows", () => {
  const walked = new Set(CHAINS.flatMap(walkedPairs));
  const required = allowedPairs();
  expect(required.size).toBe(39);
  expect([...required].filter((pair) => !walked.has(pair))).toEqual([]);
});

const tomorrow = () => `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T09:30`;

/** How a person takes each workflow step: the panel, what they fill in, the button, and the status it leads to. */
const HOW: Record<PersonStep, { panel?: "Editing desk" | "Publishing"; fill?: [RegExp, () => string]; button: string; status?: string }> = {
  submit: { button: "Submit for review", status: "In review" },
  withdraw: { button: "Withdraw", status: "Draft" },
  requestChanges: { panel: "Editing desk", fill: [/Note for the writers/, () => "Say who runs the ferry."], button: "Request changes", status: "Changes requested" },
  approve: { panel: "Editing desk", button: "Approve", status: "Approved" },
  schedule: { panel: "Publishing", fill: [/Publish at/, tomorrow], button: "Schedule", status: "Scheduled" },
  unschedule: { panel: "Publishing", button: "Unschedule", status: "Approved" },
  publishNow: { panel: "Publishing", button: "Publish now", status: "Published" },
  // The status stays Published: the panel says readers now see this version.
  publishUpdate: { panel: "Publishing", button: "Publish update" },
  unpublish: { panel: "Publishing", fill: [/Reason for unpublishing/, () => "The operator withdrew the timetable."], button: "Unpublish", status: "Unpublished" },
  republish: { panel: "Publishing", button: "Republish", status: "Published" },
};

async function take(page: Page, step: Step, count: number) {
  const status = page.getByTestId("story-status");
  const publishing = page.getByRole("region", { name: "Publishing" });
  if (step === "save") {
    const editor = new StoryEditorPage(page);
    await editor.body().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(` Edit ${count}.`);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await editor.expectSaved();
    if ((await status.textContent()) === "Published") await expect(publishing).toContainText("Your edits are not public until you publish the update.");
    return;
  }
  const how = HOW[step];
  const panel = how.panel ? page.getByRole("region", { name: how.panel }) : page;
  if (how.fill) await panel.getByLabel(how.fill[0]).fill(how.fill[1]());
  await panel.getByRole("button", { name: how.button, exact: true }).click();
  if (how.status) await expect(status).toHaveText(how.status);
  else await expect(publishing).toContainText("Readers see this version.");
}

for (const [index, chain] of CHAINS.entries()) {
  test(`chain ${index + 1} on one page, never reloaded: ${chain.join(", ")}`, async ({ page }) => {
    test.setTimeout(240_000);
    await signInAsNewStaff(page, "editor");
    const editor = new StoryEditorPage(page);
    await editor.createStory();
    await page.getByLabel("Headline").fill(`Ferry steps ${index + 1} ${Date.now()}`);
    await page.getByLabel("Dek").fill("The operator changes the winter timetable, one step after another on the desk.");
    await page.getByLabel("Section").selectOption({ label: "News" });
    for (const [count, step] of chain.entries()) {
      await test.step(`${count + 1}. ${step}`, () => take(page, step, count + 1));
      await expect(page.getByText(STORY_CHANGED)).toHaveCount(0);
    }
  });
}
