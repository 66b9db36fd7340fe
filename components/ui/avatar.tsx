import { smallSrc } from "@/lib/media/file-names";

const SIZES = { small: { pixels: 32, className: "size-8" }, large: { pixels: 96, className: "size-24" } } as const;

/**
 * A person's avatar beside their name. Decorative (empty alt): the name next to it already says
 * who it is. Nothing at all when the person has none.
 */
export function Avatar({ image, size }: { image: { id: string; width: number } | null; size: keyof typeof SIZES }) {
  if (!image) return null;
  const { pixels, className } = SIZES[size];
  return <img src={smallSrc(image.id, image.width)} alt="" width={pixels} height={pixels} className={`${className} shrink-0 rounded-full object-cover`} />;
}
