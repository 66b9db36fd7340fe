import "server-only";

/**
 * A query built once per process, for the few every first render of a public page runs: building
 * SQL from drizzle's tree costs more than the query itself. Unnamed (""): the embedded database's
 * socket serves every connection from one session, where named statements would collide.
 */
export function builtOnce<Prepared>(prepare: () => Prepared): () => Prepared {
  let prepared: Prepared | undefined;
  return () => (prepared ??= prepare());
}
