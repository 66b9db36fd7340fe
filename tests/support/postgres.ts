import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A real PostgreSQL for tests that need one whichever suite is running (two instances on one
 * database, backups restored across databases). On the PostgreSQL suite `scripts/test.ts` passes
 * the server it was given as POSTGRES_ADMIN_URL; on the embedded suite a throwaway cluster is
 * started from Debian's `postgresql` binaries. Either way each caller gets fresh databases.
 */
export type TestPostgres = {
  /** A new, empty database on the server; dropped by stop(). */
  createDatabase: () => Promise<string>;
  stop: () => Promise<void>;
};

export async function startTestPostgres(): Promise<TestPostgres> {
  const adminUrl = process.env.POSTGRES_ADMIN_URL;
  if (adminUrl) return onServer(adminUrl, async () => {});
  const cluster = await startCluster();
  return onServer(cluster.url, cluster.stop);
}

async function onServer(adminUrl: string, stopServer: () => Promise<void>): Promise<TestPostgres> {
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  const created: string[] = [];
  return {
    createDatabase: async () => {
      const name = `masthead_t_${crypto.randomBytes(5).toString("hex")}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop: async () => {
      try {
        for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
        await stopServer();
      }
    },
  };
}

function postgresBin(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((name) => fs.existsSync(path.join(base, name, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("These tests need PostgreSQL: install Debian's `postgresql` package (apt-get install postgresql).");
  return path.join(base, newest, "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** PostgreSQL refuses to run as root, so as root the cluster belongs to (and runs as) `postgres`. */
function runAsOwner(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(" ")], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout}`);
}

async function startCluster(): Promise<{ url: string; stop: () => Promise<void> }> {
  const bin = postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-pg-"));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dir]);
  const cluster = path.join(dir, "cluster");
  const port = await freePort();
  runAsOwner(path.join(bin, "initdb"), ["-D", cluster, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  runAsOwner(path.join(bin, "pg_ctl"), [
    "-D", cluster, "-l", path.join(dir, "server.log"), "-w", "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, "start",
  ]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        runAsOwner(path.join(bin, "pg_ctl"), ["-D", cluster, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
