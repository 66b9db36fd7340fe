"use client";

import { unstable_isUnrecognizedActionError as isUnrecognizedAction } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveStoryAction } from "@/app/(desk)/desk/stories/actions";
import type { ClientStory, StoryDraftInput } from "@/lib/story-editing";
import { clearLocalDraft, writeLocalDraft } from "./local-draft";

export type SaveStatus =
  | { kind: "saved"; at: string }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "unreachable" }
  | { kind: "outdated" }
  | { kind: "conflict" }
  | { kind: "error"; message: string };

const PAUSE_MS = 2000;
const LOCAL_COPY_MS = 300;
const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 10_000;

/** 1 s, 2 s, 4 s, 8 s, then every 10 s: quick after a blip, gentle on a server coming back up. */
export function retryDelay(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(failures - 1, 0), LONGEST_RETRY_MS);
}

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
 * A save that never got an answer (offline, server down or restarting) is retried on its own,
 * with backoff, and at once when the browser comes back online or the window regains focus.
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
  /** Saves in a row that got no answer; while above zero a retry is scheduled. */
  const failures = useRef(0);
  /** A Save that got no answer is retried as a Save, not as an autosave. */
  const explicitUnsent = useRef(false);

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
    async (asked: boolean): Promise<boolean> => {
      if (blocked.current) return false;
      const explicit = asked || explicitUnsent.current;
      if (!explicit && changes.current === savedChanges.current) return true;
      const changesAtStart = changes.current;
      // While retrying, the status keeps saying why rather than flickering to "Saving…".
      if (failures.current === 0) setStatus({ kind: "saving" });
      try {
        const result = await saveStoryAction({ storyId, baseRevision: baseRevision.current, explicit, draft: readDraft() });
        failures.current = 0;
        explicitUnsent.current = false;
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
      } catch (error) {
        keepLocally();
        // A new build was deployed: this page's save no longer exists there, and retrying cannot help.
        // No more saves from this page (leaving it would try one); the local copy waits for the reload.
        if (isUnrecognizedAction(error)) {
          blocked.current = true;
          setStatus({ kind: "outdated" });
          return false;
        }
        failures.current += 1;
        explicitUnsent.current = explicit;
        setStatus(await whyUnsent());
        scheduleSave.current(retryDelay(failures.current));
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
    // Still failing: the reason stays on screen until a save gets through.
    if (failures.current === 0) setStatus(navigator.onLine ? { kind: "unsaved" } : { kind: "offline" });
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

  /** A workflow step taken on this page moved the story on: later saves and steps build on that revision. */
  const carryOnFrom = useCallback((revision: number) => {
    baseRevision.current = revision;
  }, []);

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
    const focused = () => {
      if (failures.current > 0) void save(false);
    };
    const leaving = (event: BeforeUnloadEvent) => {
      keepLocally();
      if (changes.current !== savedChanges.current) event.preventDefault();
    };
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("online", online);
    window.addEventListener("focus", focused);
    window.addEventListener("beforeunload", leaving);
    return () => {
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("online", online);
      window.removeEventListener("focus", focused);
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
    carryOnFrom,
    discard,
    baseRevision: () => baseRevision.current,
  };
}

const PROBE_TIMEOUT_MS = 5_000;
const GATEWAY_FAILURES = new Set([502, 503, 504]);

/**
 * A failed server action does not say why, so ask the liveness check: no answer, or a proxy's
 * 502/503/504, means the server cannot be reached; an answer means the save itself failed.
 */
async function whyUnsent(): Promise<SaveStatus> {
  if (!navigator.onLine) return { kind: "offline" };
  try {
    const probe = await fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (GATEWAY_FAILURES.has(probe.status)) return { kind: "unreachable" };
    return { kind: "error", message: "the server could not save this just now. Retrying; your changes are kept on this device." };
  } catch {
    return { kind: "unreachable" };
  }
}
