"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { saveStoryAction } from "@/app/(desk)/desk/stories/actions";
import type { ClientStory, StoryDraftInput } from "@/lib/story-editing";
import { clearLocalDraft, writeLocalDraft } from "./local-draft";

export type SaveStatus =
  | { kind: "saved"; at: string }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "conflict" }
  | { kind: "error"; message: string };

const PAUSE_MS = 2000;
const LOCAL_COPY_MS = 300;

type Options = {
  storyId: string;
  initialRevision: number;
  initialSavedAt: string;
  readDraft: () => StoryDraftInput;
  readFeaturedSrc: () => string | null;
  onSaved: (result: { slug: string }) => void;
};

/**
 * Saves a pause after the last change, on blur and when the tab is hidden; keeps unacknowledged
 * edits in this browser; and never overwrites a newer version: a stale save becomes a conflict.
 */
export function useAutosave({ storyId, initialRevision, initialSavedAt, readDraft, readFeaturedSrc, onSaved }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", at: initialSavedAt });
  const [conflict, setConflict] = useState<ClientStory | null>(null);
  const baseRevision = useRef(initialRevision);
  const changes = useRef(0);
  const savedChanges = useRef(0);
  const pauseTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const localTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const blocked = useRef(false);

  const keepLocally = useCallback(() => {
    clearTimeout(localTimer.current);
    if (changes.current === savedChanges.current) return;
    writeLocalDraft(storyId, {
      baseRevision: baseRevision.current,
      draft: readDraft(),
      featuredImageSrc: readFeaturedSrc(),
      keptAt: Date.now(),
    });
  }, [storyId, readDraft, readFeaturedSrc]);

  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const scheduleSave = useRef<(delay: number) => void>(() => {});

  const saveOnce = useCallback(
    async (explicit: boolean): Promise<boolean> => {
      if (blocked.current) return false;
      if (!explicit && changes.current === savedChanges.current) return true;
      const changesAtStart = changes.current;
      setStatus({ kind: "saving" });
      try {
        const result = await saveStoryAction({ storyId, baseRevision: baseRevision.current, explicit, draft: readDraft() });
        if (result.kind === "conflict") {
          keepLocally();
          blocked.current = true;
          setConflict(result.current);
          setStatus({ kind: "conflict" });
          return false;
        }
        if (result.kind === "error") {
          setStatus({ kind: "error", message: result.error });
          return false;
        }
        baseRevision.current = result.revision;
        savedChanges.current = changesAtStart;
        onSaved({ slug: result.slug });
        if (changes.current === changesAtStart) {
          clearLocalDraft(storyId);
          setStatus({ kind: "saved", at: result.savedAt });
        } else {
          keepLocally();
          setStatus({ kind: "unsaved" });
          scheduleSave.current(PAUSE_MS);
        }
        return true;
      } catch {
        keepLocally();
        setStatus({ kind: "offline" });
        return false;
      }
    },
    [storyId, readDraft, onSaved, keepLocally],
  );

  /** Saves run one after another, so no save is ever based on a revision another is replacing. */
  const save = useCallback(
    (explicit: boolean): Promise<boolean> => {
      clearTimeout(pauseTimer.current);
      queue.current = queue.current.then(() => saveOnce(explicit));
      return queue.current;
    },
    [saveOnce],
  );
  scheduleSave.current = (delay: number) => {
    clearTimeout(pauseTimer.current);
    pauseTimer.current = setTimeout(() => void save(false), delay);
  };

  const changed = useCallback(() => {
    changes.current += 1;
    setStatus(navigator.onLine ? { kind: "unsaved" } : { kind: "offline" });
    clearTimeout(localTimer.current);
    localTimer.current = setTimeout(keepLocally, LOCAL_COPY_MS);
    scheduleSave.current(PAUSE_MS);
  }, [keepLocally]);

  /** After a conflict: carry on from the server's version (the caller has loaded it). */
  const adoptServerVersion = useCallback(
    (story: ClientStory) => {
      baseRevision.current = story.revision;
      savedChanges.current = changes.current;
      blocked.current = false;
      clearLocalDraft(storyId);
      setConflict(null);
      setStatus({ kind: "saved", at: story.updatedAt });
    },
    [storyId],
  );

  /** Restoring a kept copy: its own base revision decides whether it conflicts. */
  const restoreFrom = useCallback(
    (revision: number) => {
      baseRevision.current = revision;
      changed();
    },
    [changed],
  );

  /** The story is being deleted: no more saves, and nothing left to warn about on leaving. */
  const discard = useCallback(() => {
    blocked.current = true;
    clearTimeout(pauseTimer.current);
    clearTimeout(localTimer.current);
    savedChanges.current = changes.current;
  }, []);

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === "hidden") {
        keepLocally();
        void save(false);
      }
    };
    const online = () => void save(false);
    const leaving = (event: BeforeUnloadEvent) => {
      keepLocally();
      if (changes.current !== savedChanges.current) event.preventDefault();
    };
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", leaving);
    return () => {
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", leaving);
    };
  }, [keepLocally, save]);

  return {
    status,
    conflict,
    changed,
    save,
    adoptServerVersion,
    restoreFrom,
    discard,
    baseRevision: () => baseRevision.current,
  };
}
