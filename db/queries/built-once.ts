import "server-only";
import { createHash } from "node:crypto";

type Preparable<Prepared> = { toSQL(): { sql: string }; prepare(name: string): Prepared };

/**
 * A query built once per process and prepared as a named statement, for the few every first render
 * of a public page runs: building SQL from drizzle's tree costs more than running the query, and
 * PostgreSQL plans a named statement once per connection instead of on every run (on the embedded
 * database the planning is most of a query's time). The name carries a hash of the SQL, so a query
 * changed while `npm run dev` runs is prepared afresh, not mistaken for the old one. The embedded
 * server keeps each connection's names apart (db/embedded/statement-names.ts), as PostgreSQL does.
 */
export function builtOnce<Prepared>(name: string, build: () => Preparable<Prepared>): () => Prepared {
  let prepared: Prepared | undefined;
  return () => {
    if (prepared) return prepared;
    const query = build();
    const version = createHash("sha256").update(query.toSQL().sql).digest("hex").slice(0, 12);
    return (prepared = query.prepare(`${name}_${version}`));
  };
}
