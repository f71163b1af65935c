/** `base` without trailing slashes, then `path` (which starts with `/`). */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, "") + path;
}
