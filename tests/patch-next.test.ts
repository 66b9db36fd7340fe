import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { measureOnlyFetchEntries, patchNext } from "../scripts/patch-next";

const MINIFIED = `async set(e,t,r){let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler){warn(i)}`;
const PLAIN = `        const itemSize = JSON.stringify(data).length;
        if (ctx.fetchCache && itemSize > 2 * 1024 * 1024 && // We ignore the size limit
        // might not have this limit
        !this.hasCustomCacheHandler) {`;

describe("Next's page cache sizing", () => {
  it("measures only fetch-cache entries, in minified and plain copies, and changes nothing else", () => {
    expect(measureOnlyFetchEntries(MINIFIED)).toBe(
      `async set(e,t,r){let i=r.fetchCache ? JSON.stringify(t).length : 0;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler){warn(i)}`,
    );
    expect(measureOnlyFetchEntries(PLAIN)).toBe(PLAIN.replace("JSON.stringify(data).length", "ctx.fetchCache ? JSON.stringify(data).length : 0"));
    expect(measureOnlyFetchEntries(measureOnlyFetchEntries(PLAIN))).toBe(measureOnlyFetchEntries(PLAIN));
    const unrelated = "const size = JSON.stringify(value).length; if (size > limit) {}";
    expect(measureOnlyFetchEntries(unrelated)).toBe(unrelated);
  });

  it("patches a copy of Next once, and reports nothing the second time", () => {
    const nextDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-next-"));
    const runtimes = path.join(nextDir, "dist", "compiled", "next-server");
    fs.mkdirSync(runtimes, { recursive: true });
    fs.writeFileSync(path.join(runtimes, "app-page.runtime.prod.js"), MINIFIED);
    fs.writeFileSync(path.join(runtimes, "unrelated.runtime.prod.js"), "module.exports = 1;");
    expect(patchNext(nextDir)).toEqual([path.join("dist", "compiled", "next-server", "app-page.runtime.prod.js")]);
    expect(patchNext(nextDir)).toEqual([]);
  });

  it("holds for the installed Next: no copy of its cache serializes a page to measure it", () => {
    const runtimes = path.resolve(import.meta.dirname, "..", "node_modules", "next", "dist", "compiled", "next-server");
    const page = fs.readFileSync(path.join(runtimes, "app-page-turbo.runtime.prod.js"), "utf8");
    expect(page).toContain(".fetchCache ? JSON.stringify(");
    expect(patchNext(path.resolve(runtimes, "..", "..", ".."))).toEqual([]);
  });
});
