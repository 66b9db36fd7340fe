import { describe, expect, it } from "vitest";
import { displaySrc, mediaContentType, originalFileName, variantWidths } from "@/lib/media/file-names";
import { isStoryMediaPath } from "@/lib/story-body/media-path";

const id = "0b7a4f52-3c1e-4d6a-9f0e-2a5b8c7d9e10";

describe("variantWidths", () => {
  it("never exceeds the original and always offers one", () => {
    expect(variantWidths(4000)).toEqual([480, 960, 1600]);
    expect(variantWidths(1600)).toEqual([480, 960, 1600]);
    expect(variantWidths(1599)).toEqual([480, 960]);
    expect(variantWidths(480)).toEqual([480]);
    expect(variantWidths(12)).toEqual([12]);
  });
});

describe("displaySrc", () => {
  it("points at the largest variant the pipeline wrote, in a form story bodies accept", () => {
    expect(displaySrc(id, 4000)).toBe(`/media/${id}/w1600.webp`);
    expect(displaySrc(id, 1000)).toBe(`/media/${id}/w960.webp`);
    expect(displaySrc(id, 300)).toBe(`/media/${id}/w300.webp`);
    expect(isStoryMediaPath(displaySrc(id, 300))).toBe(true);
  });
});

describe("mediaContentType", () => {
  it("types exactly the names the pipeline writes", () => {
    expect(mediaContentType(originalFileName("jpeg"))).toBe("image/jpeg");
    expect(mediaContentType("original.avif")).toBe("image/avif");
    expect(mediaContentType("original.gif")).toBe("image/gif");
    expect(mediaContentType("w480.webp")).toBe("image/webp");
  });

  it.each(["original.svg", "original.jpeg", "original.html", "w480.jpg", "w0480.webp", "w.webp", "../original.jpg", "original.jpg.html", ".tmp-1"])(
    "serves nothing named %s",
    (file) => {
      expect(mediaContentType(file)).toBeNull();
    },
  );
});
