import pg from "pg";

/** How long one table's VACUUM (ANALYZE) held the single backend. */
export type TableUpkeep = { table: string; ms: number };

export type EmbeddedUpkeep = {
  /** Vacuums and analyzes every table now, one statement each; what each took. */
  runOnce: () => Promise<TableUpkeep[]>;
  stop: () => Promise<void>;
};

/** Every ten minutes unless EMBEDDED_VACUUM_MINUTES says otherwise; 0 turns upkeep off. */
export function upkeepIntervalMs(): number {
  const minutes = Number(process.env.EMBEDDED_VACUUM_MINUTES ?? 10);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 0;
}

/**
 * PGlite runs PostgreSQL single-user, without autovacuum: the rows every autosave, publish and
 * rate-limit count leaves dead are never reclaimed, and a long-lived embedded newsroom only grows.
 * So the embedded server vacuums itself, through a connection of its own like any client's: one
 * table per statement, so the single backend is held for one short VACUUM at a time and other
 * connections' queries take their turns between them. A VACUUM of a table with nothing dead skips
 * its pages by the visibility map, so vacuuming every table costs little more than the busy ones.
 */
export function startEmbeddedUpkeep(url: string, everyMs: number, onError: (error: unknown) => void): EmbeddedUpkeep {
  let running: Promise<TableUpkeep[]> | undefined;
  let stopped = false;

  const runOnce = () =>
    (running ??= (async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>(
          `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
           ORDER BY c.relpages DESC`,
        );
        const done: TableUpkeep[] = [];
        for (const { name } of rows) {
          if (stopped) break;
          const started = performance.now();
          await client.query(`VACUUM (ANALYZE) ${name}`);
          done.push({ table: name, ms: performance.now() - started });
        }
        return done;
      } finally {
        await client.end().catch(() => {});
      }
    })().finally(() => (running = undefined)));

  const timer = everyMs > 0 ? setInterval(() => void runOnce().catch(onError), everyMs) : undefined;
  timer?.unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
