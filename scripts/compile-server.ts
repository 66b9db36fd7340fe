/**
 * The web server (scripts/next-server.ts) and Next's page cache handler (lib/page-cache/handler.ts)
 * as plain JavaScript in `.masthead/`, so the web process runs without a TypeScript loader: Next
 * imports its cache handler on every request, and a loader's hooks would sit in each of those.
 * One build with a shared chunk, so the server and the handler share one page store.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const compiledServerDir = path.join(root, ".masthead");
export const compiledServer = path.join(compiledServerDir, "next-server.mjs");

export async function compileServer(): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: { "next-server": "scripts/next-server.ts", "page-cache-handler": "lib/page-cache/handler.ts" },
    outdir: compiledServerDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
  });
}
