/** Frame addresses a public page's policy may allow; embeds (issue 15) fill the allowlist. */
export function isAllowedFrameSrc(_src: string): boolean {
  return false;
}
