import pg from "pg";

export class MissingDatabaseUrlError extends Error {
  constructor() {
    super("DATABASE_URL is not set: start the app with `npm start`, `npm run dev` or `npm run demo`, which provide it.");
  }
}

export function createPool(url: string | undefined, max = 10): pg.Pool {
  if (!url) throw new MissingDatabaseUrlError();
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle client's error (the server went away) must not crash the process; the next query reports it.
  pool.on("error", () => {});
  return pool;
}
