/**
 * Where readers' browsers fetch media. Stored story bodies and uploads always name files by their
 * path on this site, `/media/<id>/<file>` (the only form validation accepts); when MEDIA_PUBLIC_URL
 * names a CDN or the bucket, pages link there instead, rewritten here as they are rendered.
 */

/** MEDIA_PUBLIC_URL without its trailing slash, or null when the app's own /media route serves media. */
export function mediaPublicBase(env: Record<string, string | undefined> = process.env): string | null {
  const base = env.MEDIA_PUBLIC_URL?.trim();
  if (!base) return null;
  if (!/^https?:\/\/[^/?#\s]+(?:\/[^?#\s]*)?$/i.test(base)) {
    throw new Error(`MEDIA_PUBLIC_URL must be an http(s) address such as https://cdn.example.com/media, not ${JSON.stringify(base)}.`);
  }
  return base.replace(/\/+$/, "");
}

/** The origin images may come from besides this site (for the Content-Security-Policy), if any. */
export function mediaPublicOrigin(): string | null {
  const base = mediaPublicBase();
  return base && new URL(base).origin;
}

const MEDIA_PREFIX = "/media/";

/** The address a page uses for a stored file's path (`/media/<id>/<file>`). */
export function publicMediaUrl(path: string): string {
  const base = mediaPublicBase();
  return base && path.startsWith(MEDIA_PREFIX) ? `${base}/${path.slice(MEDIA_PREFIX.length)}` : path;
}

/** Rendered story HTML with its images' `/media/` paths turned into their public addresses. */
export function withPublicMediaUrls(html: string): string {
  if (!mediaPublicBase()) return html;
  // The renderer writes every attribute as name="value", so an image's src always reads exactly so.
  return html.replace(/(\ssrc=")(\/media\/[^"]*)"/g, (_match, attribute: string, path: string) => `${attribute}${publicMediaUrl(path)}"`);
}

/** A URL for use away from the page (feeds, og:image, JSON-LD): site paths get the site's origin. */
export function absoluteUrl(origin: string, url: string): string {
  return url.startsWith("/") ? `${origin}${url}` : url;
}
