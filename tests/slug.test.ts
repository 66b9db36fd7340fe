import { describe, expect, it } from "vitest";
import { normalizeTagNames } from "@/db/queries/tags";
import { mentionedSlugs } from "@/lib/comments/mentions";
import { slugParam } from "@/lib/public/params";
import { storyPath, tagPath } from "@/lib/public/urls";
import { SLUG_PATTERN, slugify } from "@/lib/slug";

describe("slugify keeps every script readable", () => {
  it.each([
    ["Straße", "strasse"],
    ["Øresund", "oresund"],
    ["Київ", "kiyiv"],
    ["Αθήνα", "athina"],
    ["İstanbul 2026 — Öffnung", "istanbul-2026-offnung"],
    ["Harbour’s new ferry: 3 things", "harbours-new-ferry-3-things"],
    ["東京", "東京"],
    ["مرحبا", "مرحبا"],
    ["שלום עולם", "שלום-עולם"],
    ["東京 Tokyo Київ", "東京-tokyo-kiyiv"],
    ["Ｆｕｌｌ width", "full-width"],
  ])("%s → %s", (text, slug) => {
    expect(slugify(text)).toBe(slug);
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });

  it("gives text with nothing to spell its code points, never an empty slug", () => {
    expect(slugify("🔥🎉")).toBe("1f525-1f389");
    expect(slugify("❤️ 🔥")).toBe("2764-1f525");
    expect(slugify("🔥")).not.toBe(slugify("🎉"));
    expect(slugify("   ")).toBe("");
  });

  it("cuts long slugs by characters, never inside one, and without a trailing hyphen", () => {
    expect(slugify("𠮷".repeat(100), 80)).toBe("𠮷".repeat(80));
    expect(slugify("ab cd", 3)).toBe("ab");
  });

  it("refuses what slugify never makes", () => {
    for (const slug of ["café", "Upper", "straße", "ки", "-a", "a--b", "a b", "東京-", "%E6"]) expect(SLUG_PATTERN.test(slug)).toBe(false);
  });
});

describe("tags in any script", () => {
  it("keeps every non-blank tag, each under its own slug", () => {
    expect(normalizeTagNames(["Київ", "東京", "🔥", "🎉", "Straße", "strasse", " "])).toEqual([
      { slug: "kiyiv", name: "Київ" },
      { slug: "東京", name: "東京" },
      { slug: "1f525", name: "🔥" },
      { slug: "1f389", name: "🎉" },
      { slug: "strasse", name: "Straße" },
    ]);
  });
});

describe("mentions", () => {
  it("find author slugs in any script, each once, and not inside email addresses", () => {
    expect(mentionedSlugs("@東京-太郎 please check, and @person-1a2b too (@person-1a2b). Mail desk@newsroom.test")).toEqual(["東京-太郎", "person-1a2b"]);
  });
});

describe("slugs in addresses", () => {
  it("percent-encodes other scripts in every path we print", () => {
    expect(storyPath({ sectionSlug: "東京", slug: "مرحبا" })).toBe("/%E6%9D%B1%E4%BA%AC/%D9%85%D8%B1%D8%AD%D8%A8%D8%A7");
    expect(tagPath("kiyiv")).toBe("/tags/kiyiv");
  });

  it("reads a segment whether or not the framework decoded it, and refuses anything else", () => {
    expect(slugParam("%E6%9D%B1%E4%BA%AC")).toBe("東京");
    expect(slugParam("東京")).toBe("東京");
    expect(slugParam("kiyiv")).toBe("kiyiv");
    for (const segment of ["%E6%9D", "caf%C3%A9", "%2e%2e", "a%2Fb", "%25"]) expect(slugParam(segment)).toBeNull();
  });
});
