import type { Metadata } from "next";
import { connection } from "next/server";
import { getPublication } from "@/db/queries/publication";
import { listPublishedStories } from "@/db/queries/public-stories";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const publication = await getPublication();
  return { title: { absolute: publication.name }, description: publication.description };
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export default async function HomePage() {
  await connection();
  const stories = await listPublishedStories();
  if (stories.length === 0) {
    return <p className="text-center text-stone-600">Nothing has been published yet.</p>;
  }
  return (
    <ol className="divide-y divide-stone-200" aria-label="Latest stories">
      {stories.map((story) => (
        <li key={story.id} className="py-6">
          <article>
            <p className="text-xs font-semibold uppercase tracking-wider text-accent">{story.sectionName}</p>
            <h2 className="mt-1 font-serif text-2xl font-bold">{story.headline}</h2>
            <p className="mt-2 text-stone-700">{story.dek}</p>
            <p className="mt-2 text-sm text-stone-600">
              By {story.bylines.map((byline) => byline.displayName).join(" and ")} ·{" "}
              <time dateTime={story.publishedAt.toISOString()}>{dateFormat.format(story.publishedAt)}</time>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
