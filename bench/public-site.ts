/**
 * `npm run bench:public [-- --stories 100000]`: the public site's speed targets, measured side by
 * side in one run on this machine (never as timed tests: shared machines are noisy). Needs a
 * production build. Seeds a newsroom with N live stories (default 10,000) and measures with
 * autocannon, 50 connections:
 *   (a) one story's HTML saved as a static file in public/, served by the same server: the baseline
 *   (b) the same story's page, cached        target: ≥ 0.8× (a), p99 < 100 ms
 *   (c) the home page  (d) a search
 *   (e) stories' first, uncached renders, 4 at a time, on a server that has rendered a few other
 *       stories since it started              target: p95 < 150 ms (with 100k stories)
 *   (e') the same once it has rendered a thousand (its code compiled by the JIT), shown beside it
 *   (f) the story page through Varnish 7 (deploy/varnish/default.vcl) against (g) the same bytes
 *       served by a bare Node server from memory          target: (f) ≥ 0.5× (g)
 *   and how many requests reach the app while Varnish is under load right after a purge
 *                                                          target: ≤ 1 per page per purge
 * and the gzipped JavaScript a story page loads against a bare Next page (the 404 page). It
 * exits with an error if any editor code (Tiptap/ProseMirror) is among a story page's scripts.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { createServer } from "node:http";
import { exitCode, runScript, waitForLine } from "../tests/support/processes";
import { startVarnish } from "../tests/support/varnish";
import { createPool } from "../db/pool";
import { renderStoryBodyHtml } from "../lib/story-body/render";
import { storyBodyText } from "../lib/story-body/text";

const root = path.resolve(import.meta.dirname, "..");
const PORT = 3297;
const VARNISH_PORT = 3298;
const BARE_NODE_PORT = 3299;
const BASE = `http://localhost:${PORT}`;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const storiesArg = process.argv.indexOf("--stories");
const STORIES = storiesArg > 0 ? Number(process.argv[storiesArg + 1]) : 10_000;
const BASELINE_FILE = path.join(root, "public", "bench-baseline.html");
const WARM_UP_RENDERS = 30;

const WORDS = "harbour council ferry tide quay storm lifeboat market museum seagrass".split(" ");
const body = {
  type: "doc",
  content: Array.from({ length: 12 }, (_, i) => ({
    type: "paragraph",
    content: [{ type: "text", text: Array.from({ length: 60 }, (_, j) => WORDS[(i + j) % WORDS.length]).join(" ") + "." }],
  })),
};

/** The server's own output goes to a log, printed if anything fails (an undrained pipe would stall it). */
const SERVER_LOG = path.join(os.tmpdir(), `masthead-bench-public-${process.pid}.log`);

async function startServer(dataDir: string) {
  const server = runScript("serve.ts", ["--demo"], {
    DATA_DIR: dataDir,
    PORT: String(PORT),
    TRUST_PROXY: "1",
    CACHE_PURGE_URL: `http://127.0.0.1:${VARNISH_PORT}/.masthead-purge`,
  });
  const log = fs.createWriteStream(SERVER_LOG, { flags: "a" });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  await waitForLine(server, /Masthead is ready|localhost:\d+/, 180_000);
  return server;
}

async function stopServer(server: ReturnType<typeof runScript>) {
  server.kill("SIGTERM");
  await exitCode(server);
}

/** N live stories written in bulk, the way putStoryLive leaves them (same renderer output). */
async function seed(dataDir: string) {
  const pool = createPool(fs.readFileSync(path.join(dataDir, "database-url"), "utf8").trim(), 1);
  const html = renderStoryBodyHtml(body);
  const text = storyBodyText(body).join("\n");
  const started = performance.now();
  await pool.query("BEGIN");
  await pool.query(
    `INSERT INTO stories (headline, dek, slug, body, status, section_id, seo_description, published_at, created_by, slug_locked)
     SELECT 'Bench story ' || i || ': the council and the ' || ($1::text[])[1 + i % 10],
            'A dek long enough to stand in for the SEO description of benchmark story ' || i || '.',
            'bench-' || i, $2::jsonb, 'published',
            (SELECT id FROM sections ORDER BY position LIMIT 1 OFFSET i % 3),
            'Benchmark story ' || i || ', long enough to be a proper SEO description here.',
            now() - (i || ' minutes')::interval,
            (SELECT id FROM users ORDER BY email LIMIT 1), true
     FROM generate_series(1, $3::int) AS i`,
    [WORDS, JSON.stringify(body), STORIES],
  );
  await pool.query(
    `INSERT INTO public_stories (story_id, section_id, slug, headline, dek, body, body_html, body_text, word_count,
                                 seo_title, seo_description, featured_image_alt, featured_image_caption, featured_image_credit,
                                 published_at, live_revision, search_config)
     SELECT id, section_id, slug, headline, dek, body, $1, $2 || ' ' || slug, 720, '', seo_description, '', '', '', published_at, 1,
            (SELECT search_config FROM publication LIMIT 1)
     FROM stories WHERE slug LIKE 'bench-%'`,
    [html, text],
  );
  await pool.query(`INSERT INTO public_story_bylines (story_id, user_id, position) SELECT id, created_by, 0 FROM stories WHERE slug LIKE 'bench-%'`);
  // Two tags a story, as newsrooms tag: one of five broad ones (a fifth of all stories each) and
  // one of 35 narrower ones. Related stories look for both.
  await pool.query(`INSERT INTO tags (name, slug) SELECT 'Bench tag ' || k, 'bench-tag-' || k FROM generate_series(0, 39) AS k`);
  await pool.query(
    `INSERT INTO public_story_tags (story_id, tag_id, position)
     SELECT stories.id, tags.id, tagging.position
     FROM stories
     CROSS JOIN LATERAL (VALUES (substring(stories.slug from 7)::int % 5, 0), (5 + substring(stories.slug from 7)::int * 7 % 35, 1)) AS tagging(k, position)
     JOIN tags ON tags.slug = 'bench-tag-' || tagging.k
     WHERE stories.slug LIKE 'bench-%'`,
  );
  await pool.query(
    `INSERT INTO story_paths (section_slug, slug, story_id)
     SELECT sections.slug, stories.slug, stories.id FROM stories JOIN sections ON sections.id = stories.section_id WHERE stories.slug LIKE 'bench-%'`,
  );
  await pool.query("UPDATE publication SET public_version = public_version + 1");
  await pool.query("COMMIT");
  // A newsroom's 100,000 stories were written over years, not in the last minutes: its planner
  // has statistics and its writes are on disk. Without this, the first renders measure the
  // database and the kernel still writing gigabytes of the seeding back to disk.
  await pool.query("ANALYZE");
  await pool.query("CHECKPOINT");
  const { rows } = await pool.query<{ path: string }>(
    `SELECT '/' || sections.slug || '/' || stories.slug AS path FROM stories JOIN sections ON sections.id = stories.section_id
     WHERE stories.slug LIKE 'bench-%' ORDER BY stories.published_at`,
  );
  await pool.end();
  const seeded = performance.now();
  execFileSync("sync");
  console.log(
    `Seeded ${STORIES.toLocaleString("en")} live stories in ${((seeded - started) / 1000).toFixed(1)} s, written to disk in ${((performance.now() - seeded) / 1000).toFixed(1)} s more.`,
  );
  return rows.map((row) => row.path);
}

type Measured = { label: string; requestsPerSecond: number; p50: number; p99: number; errors: number };

/**
 * With `manyReaders`, every request comes from an address of its own (the server trusts
 * X-Forwarded-For here): searches are limited per address, and one address would measure refusals.
 */
async function load(label: string, url: string, { manyReaders = false } = {}): Promise<Measured> {
  let reader = 0;
  const nextAddress = () => {
    reader += 1;
    return `2001:db8::${Math.floor(reader / 0x10000).toString(16)}:${(reader % 0x10000).toString(16)}`;
  };
  const requests = manyReaders
    ? [{ setupRequest: (request: autocannon.Request) => ({ ...request, headers: { ...request.headers, "x-forwarded-for": nextAddress() } }) }]
    : undefined;
  await autocannon({ url, connections: 10, duration: 2, requests }); // warm-up: caches, JIT
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
  return { label, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Each story once, four at a time: nothing cached for any of them. */
async function firstRenders(paths: string[], count: number) {
  const samples: number[] = [];
  const queue = paths.slice(0, count);
  let failures = 0;
  let firstFailure = "";
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const started = performance.now();
        const response = await fetch(`${BASE}${next}`);
        await response.text();
        if (response.status !== 200) {
          failures += 1;
          firstFailure ||= `${response.status} ${next}`;
        }
        samples.push(performance.now() - started);
      }
    }),
  );
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), failures, firstFailure };
}

/**
 * The story page through Varnish in front of the app, against the same bytes from a bare Node
 * server's memory; then a purge of every page and a load through Varnish, counting the requests
 * that reach the app (Varnish coalesces readers waiting for the same page).
 */
async function throughVarnish(storyPath: string) {
  const response = await fetch(`${BASE}${storyPath}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const headers = { "content-type": "text/html; charset=utf-8", etag: response.headers.get("etag") ?? "", "cache-control": response.headers.get("cache-control") ?? "" };
  const bare = createServer((_request, answer) => {
    answer.writeHead(200, headers);
    answer.end(bytes);
  });
  await new Promise<void>((resolve) => bare.listen(BARE_NODE_PORT, "127.0.0.1", resolve));
  const varnish = await startVarnish(VARNISH_PORT, PORT);
  try {
    const measured = {
      varnish: await load("(f) story page through Varnish", `${varnish.url}${storyPath}`),
      bare: await load("(g) same bytes, bare Node from memory", `http://127.0.0.1:${BARE_NODE_PORT}/`),
    };
    await fetch(varnish.purgeUrl, { method: "POST", headers: { "surrogate-key": "site" } });
    const before = await varnish.backendRequests();
    await autocannon({ url: `${varnish.url}${storyPath}`, connections: CONNECTIONS, duration: 3 });
    return { ...measured, originRequests: (await varnish.backendRequests()) - before };
  } finally {
    await varnish.stop();
    bare.close();
  }
}

/** Gzipped bytes of the scripts a page loads, and whether any of them is editor code. */
async function scriptBytes(pagePath: string) {
  const html = await (await fetch(`${BASE}${pagePath}`)).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]);
  let bytes = 0;
  let editorCode = false;
  for (const source of new Set(sources)) {
    const script = await (await fetch(new URL(source, BASE))).text();
    bytes += gzipSync(script).length;
    if (/ProseMirror|tiptap/i.test(script)) editorCode = true;
  }
  return { bytes, editorCode };
}

const row = (m: Measured) =>
  `${m.label.padEnd(40)} ${m.requestsPerSecond.toFixed(0).padStart(8)} req/s  p50 ${String(m.p50).padStart(5)} ms  p99 ${String(m.p99).padStart(5)} ms${m.errors ? `  ${m.errors} errors` : ""}`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-bench-public-"));
  let server = await startServer(dataDir);
  try {
    const paths = await seed(dataDir);
    const storyPath = paths.at(-1)!;
    // A story's first render, not the process's: the server first renders a few of the oldest
    // stories (never measured), as any server that has been up a minute has.
    await firstRenders(paths.slice(0, WARM_UP_RENDERS), WARM_UP_RENDERS);
    const uncached = await firstRenders(paths.slice(WARM_UP_RENDERS, -1).reverse(), Math.min(300, paths.length - WARM_UP_RENDERS - 1));
    // The same once the process has rendered a thousand pages (its code compiled by the JIT), as a
    // server that has been up for a while has: not the target's measure, shown beside it.
    const settledPaths = paths.slice(WARM_UP_RENDERS, -301);
    await firstRenders(settledPaths.slice(0, 700), 700);
    const settled = await firstRenders(settledPaths.slice(700).reverse(), Math.min(300, Math.max(0, settledPaths.length - 700)));

    // The baseline is this exact page as a file; Next serves public/ as it was when the server started.
    fs.mkdirSync(path.dirname(BASELINE_FILE), { recursive: true });
    fs.writeFileSync(BASELINE_FILE, await (await fetch(`${BASE}${storyPath}`)).text());
    await stopServer(server);
    server = await startServer(dataDir);

    const results = [
      await load("(a) static file, same server", `${BASE}/bench-baseline.html`),
      await load("(b) story page, cached", `${BASE}${storyPath}`),
      await load("(c) home page", `${BASE}/`),
      await load("(d) search", `${BASE}/search?q=${encodeURIComponent("council ferry")}`, { manyReaders: true }),
    ];
    const varnished = await throughVarnish(storyPath);
    const story = await scriptBytes(storyPath);
    const bare = await scriptBytes("/no-such-page");

    console.log(`\nPublic site, ${STORIES.toLocaleString("en")} stories, ${CONNECTIONS} connections, ${SECONDS} s each:`);
    for (const result of results) console.log(row(result));
    console.log(`${"(e) first render of a story".padEnd(40)} p50 ${uncached.p50.toFixed(0)} ms  p95 ${uncached.p95.toFixed(0)} ms${uncached.failures ? `  ${uncached.failures} failures, the first: ${uncached.firstFailure}` : ""}`);
    if (settledPaths.length > 700) console.log(`${"(e') the same after 1,000 renders".padEnd(40)} p50 ${settled.p50.toFixed(0)} ms  p95 ${settled.p95.toFixed(0)} ms`);
    const ratio = results[1].requestsPerSecond / results[0].requestsPerSecond;
    console.log(`(b) / (a): ${ratio.toFixed(2)}  (target ≥ 0.8)   (b) p99 ${results[1].p99} ms (target < 100)   (e) p95 ${uncached.p95.toFixed(0)} ms (target < 150)`);
    console.log(row(varnished.varnish));
    console.log(row(varnished.bare));
    const varnishRatio = varnished.varnish.requestsPerSecond / varnished.bare.requestsPerSecond;
    console.log(`(f) / (g): ${varnishRatio.toFixed(2)}  (target ≥ 0.5)   requests reaching the app after a purge, under load: ${varnished.originRequests} (target ≤ 1)`);
    console.log(`JavaScript, gzipped: story page ${(story.bytes / 1024).toFixed(1)} kB, bare Next page ${(bare.bytes / 1024).toFixed(1)} kB`);
    if (story.editorCode) {
      console.error("FAIL: a story page loads editor code (Tiptap/ProseMirror).");
      process.exitCode = 1;
    }
    if ([...results, varnished.varnish, varnished.bare].some((result) => result.errors > 0) || uncached.failures + settled.failures > 0) {
      console.error(`FAIL: some requests failed. The server's log:\n${fs.readFileSync(SERVER_LOG, "utf8").slice(-4000)}`);
      process.exitCode = 1;
    }
  } finally {
    await stopServer(server);
    fs.rmSync(BASELINE_FILE, { force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(SERVER_LOG, { force: true });
  }
}

await main();
