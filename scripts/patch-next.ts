/**
 * Run after every `npm install` (package.json "postinstall"). Next 16.4's IncrementalCache.set
 * measures every entry it stores with `JSON.stringify(entry).length`, to warn about fetch-cache
 * entries over 2 MB. For a page that serializes the whole HTML, and the RSC payload Buffer as an
 * array of numbers, to throw the result away: about a tenth of a story's first render
 * (`npm run bench:public`). The size only matters for fetch-cache entries, so this measures only
 * those. Each of Next's copies of the class (the compiled runtimes and the plain server files) is
 * patched in place; once Next measures only what it checks, the pattern is gone and this does nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** `<let|const> size = JSON.stringify(data).length;` then (comments between) `if (ctx.fetchCache && size >`. */
const UNCONDITIONAL_SIZING =
  /\b(let|const|var)(\s+)([\w$]+)(\s*)=(\s*)JSON\.stringify\(([\w$]+)\)\.length;((?:\s|\/\/[^\n]*\n)*)if(\s*)\((\s*)([\w$]+)\.fetchCache(\s*)&&(\s*)\3(\s*)>/g;

/** The same source measuring only fetch-cache entries; anything else is returned unchanged. */
export function measureOnlyFetchEntries(source: string): string {
  return source.replace(
    UNCONDITIONAL_SIZING,
    (_match, keyword, s1, size, s2, s3, data, between, s4, s5, ctx, s6, s7, s8) =>
      `${keyword}${s1}${size}${s2}=${s3}${ctx}.fetchCache ? JSON.stringify(${data}).length : 0;${between}if${s4}(${s5}${ctx}.fetchCache${s6}&&${s7}${size}${s8}>`,
  );
}

/** Patches every copy under `nextDir` that still sizes unconditionally; returns the files changed. */
export function patchNext(nextDir: string): string[] {
  const changed: string[] = [];
  const roots = [path.join(nextDir, "dist", "compiled", "next-server"), path.join(nextDir, "dist", "server", "lib", "incremental-cache"), path.join(nextDir, "dist", "esm", "server", "lib", "incremental-cache")];
  for (const dir of roots.filter((candidate) => fs.existsSync(candidate))) {
    for (const name of fs.readdirSync(dir).filter((file) => file.endsWith(".js"))) {
      const file = path.join(dir, name);
      const source = fs.readFileSync(file, "utf8");
      if (!source.includes(".fetchCache")) continue;
      const patched = measureOnlyFetchEntries(source);
      if (patched === source) continue;
      fs.writeFileSync(file, patched);
      changed.push(path.relative(nextDir, file));
    }
  }
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const nextDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "next");
  if (fs.existsSync(nextDir)) {
    const changed = patchNext(nextDir);
    if (changed.length > 0) console.log(`Next: page cache entries are no longer serialized to be measured (${changed.length} files).`);
  }
}
