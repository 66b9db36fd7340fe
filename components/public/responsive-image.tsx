import { mediaPath, variantFileName, variantWidths } from "@/lib/media/file-names";
import { publicMediaUrl } from "@/lib/media/public-url";

type Props = {
  image: { id: string; width: number; height: number; alt: string };
  /** The width the image takes on the page, for the browser to pick a variant. */
  sizes: string;
  className?: string;
  /** The page's main image, wanted early (largest contentful paint); others load as they scroll in. */
  priority?: boolean;
};

/**
 * An image from the WebP variants the upload pipeline stored (lib/media/process-image.ts), chosen
 * by the browser: plain HTML, so public pages ship no image component code and no image is
 * re-encoded on request.
 */
export function ResponsiveImage({ image, sizes, className, priority = false }: Props) {
  const widths = variantWidths(image.width);
  const srcSet = widths.map((width) => `${publicMediaUrl(mediaPath(image.id, variantFileName(width)))} ${width}w`).join(", ");
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the variants are already made; see above
    <img
      src={publicMediaUrl(mediaPath(image.id, variantFileName(widths.at(-1)!)))}
      srcSet={srcSet}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt}
      className={className}
      decoding="async"
      {...(priority ? { fetchPriority: "high" as const } : { loading: "lazy" as const })}
    />
  );
}
