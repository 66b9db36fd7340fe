import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { renderStoryBodyHtml } from "@/lib/story-body/render";
import { storyBodyText, storyWordCount } from "@/lib/story-body/text";
import { parseStoryBody } from "@/lib/story-body/validate";
import { submitChecklist } from "@/lib/workflow/checklist";
import { doc, paragraph, text } from "./fixtures";

const picture = (n: number, attrs: Record<string, unknown> = {}): JSONContent => ({
  type: "galleryImage",
  attrs: { src: `/media/${"0".repeat(7)}${n}-0000-4000-8000-000000000000/w960.webp`, alt: `Harbour view ${n}`, caption: `Boats at dawn ${n}`, width: 960, height: 640, ...attrs },
});
const gallery = (...images: JSONContent[]): JSONContent => ({ type: "storyGallery", content: images });
const pictures = (count: number) => Array.from({ length: count }, (_, index) => picture(index + 1));

function refusal(input: unknown): string {
  const result = parseStoryBody(input);
  if (result.ok) throw new Error("expected a refusal");
  return result.error;
}

describe("a gallery in a story body", () => {
  it("holds 2 to 12 images, each with its defaults filled", () => {
    for (const count of [2, 12]) {
      const result = parseStoryBody(doc(gallery(...pictures(count))));
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.doc.content![0].content).toHaveLength(count);
    }
    const result = parseStoryBody(doc(gallery(...pictures(2))));
    expect(result.ok && result.doc.content![0].content![0].attrs).toMatchObject({ credit: "", alt: "Harbour view 1" });
  });

  it("is refused with one image, with thirteen, or empty", () => {
    expect(refusal(doc(gallery(picture(1))))).toBe("A gallery holds 2 to 12 images; one has 1.");
    expect(refusal(doc(gallery(...pictures(13))))).toBe("A gallery holds 2 to 12 images; one has 13.");
    expect(refusal(doc(gallery()))).toBe("A gallery holds 2 to 12 images; one has 0.");
  });

  it("takes only our own images, with captions and alt text of sane length", () => {
    expect(refusal(doc(gallery(picture(1), picture(2, { src: "https://elsewhere.example/x.jpg" }))))).toBe(
      "An image must be one uploaded to this newsroom (its address must start with /media/).",
    );
    expect(refusal(doc(gallery(picture(1), picture(2, { caption: "x".repeat(1001) }))))).toBe(
      "An image's caption is too long: the limit is 1000 characters.",
    );
    expect(refusal(doc(gallery(picture(1), picture(2, { onload: "alert(1)" }))))).toBe(
      'A gallery image has an attribute the editor does not know: "onload".',
    );
  });

  it("holds nothing but gallery images, and gallery images stand only in a gallery", () => {
    expect(refusal(doc(gallery(picture(1), paragraph(text("Stray")))))).toBe("A gallery contains something that is not allowed there.");
    expect(refusal(doc(picture(1)))).toBe("A story body contains something that is not allowed there.");
  });

  it("renders as a list of figures with alt text and captions", () => {
    const html = renderStoryBodyHtml(doc(gallery(picture(1), picture(2, { credit: "Ana Ruiz" }))));
    expect(html).toBe(
      '<figure data-story-gallery="" aria-label="Gallery of 2 images"><ul role="list">' +
        '<li data-gallery-image=""><figure><img src="/media/00000001-0000-4000-8000-000000000000/w960.webp" alt="Harbour view 1" width="960" height="640" loading="lazy" decoding="async"/><figcaption>Boats at dawn 1</figcaption></figure></li>' +
        '<li data-gallery-image=""><figure><img src="/media/00000002-0000-4000-8000-000000000000/w960.webp" alt="Harbour view 2" width="960" height="640" loading="lazy" decoding="async"/><figcaption>Boats at dawn 2 <span class="credit">Ana Ruiz</span></figcaption></figure></li>' +
        "</ul></figure>",
    );
  });

  it("counts its captions as words, and its images without alt text on the checklist", () => {
    const body = doc(gallery(picture(1), picture(2, { alt: " " })));
    expect(storyBodyText(body)).toEqual(["Boats at dawn 1", "Boats at dawn 2"]);
    expect(storyWordCount(body)).toBe(8);
    const story = { headline: "H", dek: "D", sectionId: "s", bylines: [{ id: "b" }], body, featuredImageId: null, featuredImageAlt: "" };
    expect(submitChecklist(story as unknown as Parameters<typeof submitChecklist>[0])).toEqual(["Add alt text to the image in the body."]);
  });
});
