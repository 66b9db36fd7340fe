import type { StoryDraftInput } from "@/lib/story-editing";

/** Unacknowledged edits, kept in this browser until the server has them. */
export type LocalDraft = { baseRevision: number; draft: StoryDraftInput; featuredImageSrc?: string | null; keptAt: number };

const key = (storyId: string) => `masthead:unsaved-story:${storyId}`;

export function readLocalDraft(storyId: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(storyId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(storyId: string, local: LocalDraft): void {
  try {
    window.localStorage.setItem(key(storyId), JSON.stringify(local));
  } catch {
    // Storage full or disabled: the server copy and the open tab still hold the text.
  }
}

export function clearLocalDraft(storyId: string): void {
  try {
    window.localStorage.removeItem(key(storyId));
  } catch {
    // Nothing to clear.
  }
}
