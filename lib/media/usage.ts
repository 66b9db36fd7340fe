/** One place an upload is shown; `live` marks a story's published version when the draft no longer has it. */
export type MediaUsage =
  | { kind: "body" | "gallery" | "featured"; storyId: string; headline: string; live: boolean }
  | { kind: "avatar"; userId: string; name: string }
  | { kind: "logo" | "socialImage" };

const titled = (headline: string) => `“${headline.trim() || "Untitled story"}”`;

/** The place in words, for the library's list and for a refused deletion. */
export function describeUsage(usage: MediaUsage): string {
  switch (usage.kind) {
    case "body":
    case "gallery":
    case "featured": {
      const where = { body: "in the body of", gallery: "in a gallery in", featured: "the featured image of" }[usage.kind];
      return `${where} ${titled(usage.headline)}${usage.live ? " (published version)" : ""}`;
    }
    case "avatar":
      return `the avatar of ${usage.name}`;
    case "logo":
      return "the publication's logo";
    case "socialImage":
      return "the default social image";
  }
}

/** Where a person can go to see (or change) the place, if there is a page for it. */
export function usageHref(usage: MediaUsage): string | null {
  switch (usage.kind) {
    case "body":
    case "gallery":
    case "featured":
      return `/desk/stories/${usage.storyId}/edit`;
    case "logo":
    case "socialImage":
      return "/desk/admin/settings";
    case "avatar":
      return null;
  }
}
