import type { JSONContent } from "@tiptap/core";
import { withPublicMediaUrls } from "@/lib/media/public-url";
import { renderStoryBodyHtml } from "@/lib/story-body/render";
import { EmbedLoader } from "@/components/public/embed-loader";

type Props = {
  headline: string;
  dek: string;
  sectionName: string | null;
  bylines: { displayName: string }[];
  body: unknown;
};

/** A story as readers see it. The body HTML comes only from the shared renderer, never from a browser. */
export function StoryArticle({ headline, dek, sectionName, bylines, body }: Props) {
  return (
    <article className="mx-auto max-w-2xl">
      {sectionName && <p className="text-xs font-semibold uppercase tracking-wider text-accent">{sectionName}</p>}
      <h1 className="mt-1 font-serif text-4xl font-bold leading-tight">{headline}</h1>
      {dek && <p className="mt-3 text-xl text-stone-700">{dek}</p>}
      {bylines.length > 0 && (
        <p className="mt-3 text-sm text-stone-600">By {bylines.map((byline) => byline.displayName).join(" and ")}</p>
      )}
      <div
        className="prose prose-stone prose-lg mt-8 max-w-none font-serif"
        dangerouslySetInnerHTML={{ __html: withPublicMediaUrls(renderStoryBodyHtml(body as JSONContent)) }}
      />
      <EmbedLoader />
    </article>
  );
}
