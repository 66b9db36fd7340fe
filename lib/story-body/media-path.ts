const MEDIA_PATH = /^\/media\/[A-Za-z0-9_-]+\/[A-Za-z0-9_.-]+$/;

/** Story images may only come from our own media route: no hotlinking, no data: URLs. */
export function isStoryMediaPath(src: unknown): src is string {
  if (typeof src !== "string" || !MEDIA_PATH.test(src)) return false;
  const fileName = src.slice(src.lastIndexOf("/") + 1);
  // "." and ".." would resolve to a different path than the one that was checked.
  return fileName !== "." && fileName !== "..";
}
