import type { Metadata } from "next";
import { FilterSelect, filterFieldClass } from "@/components/desk/filter-select";
import { MediaLibraryItem } from "@/components/media/media-library-item";
import { Pagination, queryPageHref } from "@/components/public/pagination";
import { LIBRARY_PAGE_SIZE, listLibrary, listUploaders, mediaUsages } from "@/db/queries/media-library";
import { imageLabel, libraryImage } from "@/lib/media/library-image";
import { describeUsage, usageHref } from "@/lib/media/usage";
import { can } from "@/lib/policy";
import { requirePermission } from "@/lib/session";

export const metadata: Metadata = { title: "Media" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const MAX_PAGE = 10_000;

export default async function MediaPage({ searchParams }: PageProps<"/desk/media">) {
  const user = await requirePermission("media.browse");
  const query = await searchParams;
  const words = typeof query.q === "string" ? query.q.slice(0, 200) : "";
  const uploaders = await listUploaders();
  const uploaderId = uploaders.find((person) => person.id === query.uploader)?.id;
  const requested = Number(query.page);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= MAX_PAGE ? requested : 1;
  const { items, total } = await listLibrary({ words, uploaderId, page });
  const usages = await mediaUsages(items.map((item) => item.id));
  const pageCount = Math.ceil(total / LIBRARY_PAGE_SIZE);

  return (
    <section className="space-y-4">
      <h1 className="font-serif text-3xl font-bold">Media</h1>
      <form method="get" role="search" aria-label="Search the library" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="font-medium">
          Words
          <input type="search" name="q" defaultValue={words} placeholder="Alt text, caption, credit, file name" className={`${filterFieldClass} w-72`} />
        </label>
        <FilterSelect label="Uploader" name="uploader" value={uploaderId} anyLabel="Anyone" options={uploaders.map((person) => ({ value: person.id, label: person.displayName }))} />
        <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 font-semibold text-white">
          Search
        </button>
      </form>
      <p className="text-sm text-stone-600" role="status">
        {total === 0 ? "No images match." : `${total.toLocaleString("en")} ${total === 1 ? "image" : "images"}.`} Upload images from a story, your
        profile or the settings; they all land here.
      </p>
      {items.length > 0 && (
        <ul aria-label="Images" className="grid gap-4 sm:grid-cols-2">
          {items.map((item) => {
            const image = libraryImage(item);
            const places = usages.get(item.id) ?? [];
            return (
              <li key={item.id}>
                <MediaLibraryItem
                  image={image}
                  label={imageLabel(image)}
                  uploaded={`${item.uploaderName ?? "a former staff member"}, ${dateFormat.format(item.createdAt)}`}
                  usages={places.map((usage) => ({ text: describeUsage(usage), href: usageHref(usage) }))}
                  canEdit={can(user, "image.editDetails", item)}
                  canDelete={can(user, "image.delete", item)}
                />
              </li>
            );
          })}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        href={(target) => queryPageHref("/desk/media", target, { ...(words && { q: words }), ...(uploaderId && { uploader: uploaderId }) })}
      />
    </section>
  );
}
