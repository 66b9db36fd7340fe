"use client";

import type { Editor, JSONContent } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { deleteStoryAction, saveAsNewStoryAction, transitionStoryAction } from "@/app/(desk)/desk/stories/actions";
import type { StoryComment } from "@/db/queries/comments";
import type { Byline } from "@/db/queries/stories";
import { type CommentAnchor, anchorForSelection, locateAnchor } from "@/lib/comments/anchor";
import type { PublishingStep } from "@/lib/policy";
import type { ClientStory, OfferedTransition, StoryDraftInput, TransitionInput } from "@/lib/story-editing";
import { readingMinutes, storyWordCount } from "@/lib/story-body/text";
import { publishChecklist, submitChecklist } from "@/lib/workflow/checklist";
import { STATUS_LABELS } from "@/lib/workflow/transitions";
import { BodyEditor } from "./body-editor";
import { BylinePicker } from "./byline-picker";
import { FeaturedImageField } from "./featured-image-field";
import { showCommentHighlights } from "./comment-highlights";
import { CommentsPanel } from "./comments-panel";
import { ConflictDialog } from "./conflict-dialog";
import { type LocalDraft, clearLocalDraft, readLocalDraft } from "./local-draft";
import { PublishingPanel } from "./publishing-panel";
import { RestoreBanner } from "./restore-banner";
import { ReviewPanel } from "./review-panel";
import { SaveStatusText } from "./save-status";
import { type Fields, HeadlineFields, MetadataFields } from "./story-fields";
import { SubmitPanel } from "./submit-panel";
import { useAutosave } from "./use-autosave";

type Props = {
  initial: ClientStory;
  sections: { id: string; name: string }[];
  staff: Byline[];
  editable: boolean;
  mayChangeBylines: boolean;
  maySubmit: boolean;
  mayWithdraw: boolean;
  mayRequestChanges: boolean;
  mayApprove: boolean;
  publishing: PublishingStep[];
  timezone: string;
  changesSinceSubmissionHref: string | null;
  userId: string;
  comments: StoryComment[];
  mayDelete: boolean;
};

function fieldsOf(story: ClientStory): Fields {
  const { headline, dek, slug, slugLocked, sectionId, seoTitle, seoDescription, tags } = story;
  const { featuredImageId, featuredImageAlt, featuredImageCaption, featuredImageCredit } = story;
  return {
    headline,
    dek,
    slug,
    slugLocked,
    sectionId,
    seoTitle,
    seoDescription,
    tags,
    featuredImageId,
    featuredImageAlt,
    featuredImageCaption,
    featuredImageCredit,
  };
}

export function StoryEditor(props: Props) {
  const { initial, sections, staff, editable, mayChangeBylines, maySubmit, mayWithdraw } = props;
  const router = useRouter();
  // A standing page has no section, tags, bylines or featured image of its own.
  const isStory = initial.kind === "story";
  const [fields, setFields] = useState<Fields>(() => fieldsOf(initial));
  const [editor, setEditor] = useState<Editor | null>(null);
  const [words, setWords] = useState(initial.wordCount);
  const [kept, setKept] = useState<LocalDraft | null>(null);
  const [copying, setCopying] = useState(false);
  const [bylines, setBylines] = useState(initial.bylines);
  const [featuredSrc, setFeaturedSrc] = useState(initial.featuredImageSrc);
  const [pendingUpdate, setPendingUpdate] = useState(initial.pendingUpdate);
  const [comments, setComments] = useState(props.comments);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  const bylinesRef = useRef(bylines);
  bylinesRef.current = bylines;
  const featuredSrcRef = useRef(featuredSrc);
  featuredSrcRef.current = featuredSrc;
  const editorRef = useRef<Editor | null>(null);

  const readDraft = useCallback(
    (): StoryDraftInput => ({
      ...fieldsRef.current,
      tags: fieldsRef.current.tags.map((tag) => tag.trim()).filter(Boolean),
      // ProseMirror gives attrs a null prototype, which React's action encoding does not pass as plain data.
      body: editorRef.current ? JSON.parse(JSON.stringify(editorRef.current.getJSON())) : initial.body,
      bylineIds: mayChangeBylines ? bylinesRef.current.map((byline) => byline.id) : undefined,
    }),
    [initial.body, mayChangeBylines],
  );
  const onSaved = useCallback(
    ({ slug }: { slug: string }) => {
      if (!fieldsRef.current.slugLocked) setFields((current) => ({ ...current, slug }));
      if (initial.status === "published") setPendingUpdate(true);
    },
    [initial.status],
  );
  const autosave = useAutosave({
    storyId: initial.id,
    readFeaturedSrc: () => featuredSrcRef.current,
    initialRevision: initial.revision,
    initialSavedAt: initial.updatedAt,
    readDraft,
    onSaved,
  });

  const onReady = useCallback(
    (created: Editor) => {
      editorRef.current = created;
      setEditor(created);
      const local = readLocalDraft(initial.id);
      const serverDraft = JSON.stringify({ ...fieldsOf(initial), body: created.getJSON() });
      const localDraft = local && JSON.stringify({ ...local.draft, bylineIds: undefined });
      if (local && localDraft !== serverDraft) setKept(local);
      else if (local) clearLocalDraft(initial.id);
    },
    [initial],
  );

  const bodyChanged = useCallback(() => {
    autosave.changed();
    if (editorRef.current) setWords(storyWordCount(editorRef.current.getJSON()));
  }, [autosave]);

  function changeFields(patch: Partial<Fields>) {
    setFields((current) => ({ ...current, ...patch }));
    autosave.changed();
  }

  function load(fieldsToShow: Fields, body: unknown) {
    setFields(fieldsToShow);
    fieldsRef.current = fieldsToShow;
    editorRef.current?.commands.setContent(body as JSONContent, { emitUpdate: false });
    if (editorRef.current) setWords(storyWordCount(editorRef.current.getJSON()));
  }

  useEffect(() => {
    const saveNow = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        if (editable) void autosave.save(true);
      }
    };
    window.addEventListener("keydown", saveNow);
    return () => window.removeEventListener("keydown", saveNow);
  }, [autosave, editable]);

  useEffect(() => {
    if (!editor) return;
    const anchored = comments.flatMap((comment) =>
      comment.anchor && !comment.resolved && !comment.parentId ? [{ id: comment.id, anchor: comment.anchor }] : [],
    );
    showCommentHighlights(editor, anchored);
  }, [editor, comments]);

  function readSelection(): CommentAnchor | string {
    const view = editorRef.current?.view;
    const selection = window.getSelection();
    const notice = "Select some words in one paragraph of the story first.";
    if (!view || !selection || selection.rangeCount === 0 || selection.isCollapsed) return notice;
    const range = selection.getRangeAt(0);
    if (!view.dom.contains(range.commonAncestorContainer)) return notice;
    const from = view.posAtDOM(range.startContainer, range.startOffset);
    const to = view.posAtDOM(range.endContainer, range.endOffset);
    return anchorForSelection(view.state.doc, from, to) ?? notice;
  }

  const [missing, missingToApprove] = useMemo(() => {
    const story = { ...fields, kind: initial.kind, bylines, body: editor ? editor.getJSON() : initial.body };
    return [submitChecklist(story), publishChecklist(story)];
  },
    // Words stand in for body changes, so the checklist follows the text without a re-render per keystroke.
    [fields, bylines, editor, words],
  );

  async function transition(
    name: OfferedTransition,
    extras: Pick<TransitionInput, "note" | "publishAt" | "publicNote"> = {},
  ): Promise<string | null> {
    const keepsText = name === "withdraw" || name === "unpublish" || name === "unschedule";
    if (editable && !keepsText && !(await autosave.save(false))) return "Save the story first: it could not be saved.";
    const result = await transitionStoryAction({ storyId: initial.id, name, baseRevision: autosave.baseRevision(), ...extras });
    if (result.error) return [result.error, ...(result.missing ?? [])].join(" ");
    if (result.revision) autosave.carryOnFrom(result.revision);
    // The status stays Published, so this editor stays mounted: its own view of the update changes here.
    if (name === "publishUpdate") setPendingUpdate(false);
    router.refresh();
    return null;
  }

  async function keepMineAsCopy() {
    setCopying(true);
    const result = await saveAsNewStoryAction(readDraft());
    setCopying(false);
    if (result.id) {
      clearLocalDraft(initial.id);
      window.location.assign(`/desk/stories/${result.id}/edit`);
    } else {
      window.alert(result.error);
    }
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="rounded bg-stone-200 px-2 py-0.5 font-medium" data-testid="story-status">
          {STATUS_LABELS[initial.status]}
        </span>
        <span>By {bylines.map((byline) => byline.displayName).join(", ")}</span>
        <a href={`/desk/stories/${initial.id}/revisions`} className="underline">
          History
        </a>
        <a href={`/desk/stories/${initial.id}/preview`} className="underline">
          Preview
        </a>
        {props.changesSinceSubmissionHref && (
          <a href={props.changesSinceSubmissionHref} className="underline">
            Changes since last submission
          </a>
        )}
        <span className="ml-auto flex items-center gap-3">
          <span data-testid="word-count">
            {words.toLocaleString("en")} words · {readingMinutes(words)} min read
          </span>
          {editable && <SaveStatusText status={autosave.status} />}
          {editable && (
            <button type="button" onClick={() => void autosave.save(true)} className="rounded border border-stone-300 px-3 py-1">
              Save
            </button>
          )}
          {props.mayDelete && (
            <button
              type="button"
              onClick={async () => {
                if (!window.confirm("Delete this draft for good? It has never been submitted, so nobody else has seen it.")) return;
                autosave.discard();
                clearLocalDraft(initial.id);
                const result = await deleteStoryAction({ storyId: initial.id });
                if (result?.error) window.alert(result.error);
              }}
              className="rounded border border-red-300 px-3 py-1 text-red-800"
            >
              Delete draft
            </button>
          )}
        </span>
      </div>
      {!editable && (
        <p className="rounded border border-stone-300 bg-stone-100 px-4 py-2 text-sm">
          {initial.status === "in_review" ? "This story is in review, so it is read-only for you." : "This story is read-only for you."}
        </p>
      )}
      {kept && (
        <RestoreBanner
          keptAt={kept.keptAt}
          onRestore={() => {
            const { body, bylineIds: _ignored, ...restored } = kept.draft;
            load(restored, body);
            setFeaturedSrc(kept.featuredImageSrc ?? null);
            setKept(null);
            autosave.restoreFrom(kept.baseRevision);
          }}
          onDiscard={() => {
            clearLocalDraft(initial.id);
            setKept(null);
          }}
        />
      )}
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="space-y-4">
          <HeadlineFields fields={fields} editable={editable} onChange={changeFields} />
          <BodyEditor
            storyId={initial.id}
            initial={initial.body as JSONContent}
            editable={editable}
            onChange={bodyChanged}
            onBlur={() => void autosave.save(false)}
            onReady={onReady}
          />
        </div>
        <aside className="space-y-6">
          <ReviewPanel
            mayRequestChanges={props.mayRequestChanges}
            mayApprove={props.mayApprove}
            missingToApprove={missingToApprove}
            onRequestChanges={(note) => transition("requestChanges", { note })}
            onApprove={() => transition("approve")}
          />
          <PublishingPanel
            steps={props.publishing}
            status={initial.status}
            publishAt={initial.publishAt}
            publishedAt={initial.publishedAt}
            pendingUpdate={pendingUpdate}
            timezone={props.timezone}
            missing={missingToApprove}
            offersPublicNote={isStory}
            onStep={transition}
          />
          <SubmitPanel
            missing={missing}
            maySubmit={maySubmit}
            mayWithdraw={mayWithdraw}
            onSubmit={(note) => transition("submit", { note })}
            onWithdraw={() => transition("withdraw")}
          />
          <CommentsPanel
            storyId={initial.id}
            userId={props.userId}
            comments={comments}
            onCommentsChange={setComments}
            readSelection={readSelection}
            isAnchorFound={(anchor) => !editorRef.current || locateAnchor(editorRef.current.state.doc, anchor) !== null}
          />
          {isStory && (
            <>
              <BylinePicker
                bylines={bylines}
                staff={staff}
                editable={editable && mayChangeBylines}
                onChange={(next) => {
                  setBylines(next);
                  bylinesRef.current = next;
                  autosave.changed();
                }}
              />
              <FeaturedImageField
                image={{
                  id: fields.featuredImageId,
                  src: featuredSrc,
                  alt: fields.featuredImageAlt,
                  caption: fields.featuredImageCaption,
                  credit: fields.featuredImageCredit,
                }}
                editable={editable}
                onChange={(image) => {
                  setFeaturedSrc(image.src);
                  featuredSrcRef.current = image.src;
                  changeFields({
                    featuredImageId: image.id,
                    featuredImageAlt: image.alt,
                    featuredImageCaption: image.caption,
                    featuredImageCredit: image.credit,
                  });
                }}
              />
            </>
          )}
          <MetadataFields fields={fields} sections={isStory ? sections : null} editable={editable} onChange={changeFields} />
        </aside>
      </div>
      {autosave.conflict && (
        <ConflictDialog
          mine={readDraft()}
          theirs={autosave.conflict}
          busy={copying}
          onKeepMineAsCopy={keepMineAsCopy}
          onTakeTheirs={() => {
            const theirs = autosave.conflict!;
            load(fieldsOf(theirs), theirs.body);
            setFeaturedSrc(theirs.featuredImageSrc);
            setBylines(theirs.bylines);
            bylinesRef.current = theirs.bylines;
            autosave.adoptServerVersion(theirs);
          }}
        />
      )}
    </div>
  );
}
