import { appTables, foreignKeys, qualified, quoted, type Queryable, type SequenceValue, writableColumns } from "./catalog";
import { BackupError } from "./errors";

const BATCH_ROWS = 500;
const BATCH_CHARS = 8_000_000;

/**
 * Loads rows table by table inside the caller's transaction. Foreign keys are dropped first and
 * added back at the end, which checks every reference at once: the schema has cycles (users and
 * media, comment replies) that no table order can satisfy row by row.
 */
export class TableLoader {
  private table: { name: string; columns: string } | undefined;
  private batch: string[] = [];
  private batchChars = 0;
  private known = new Set<string>();
  private keys: Awaited<ReturnType<typeof foreignKeys>> = [];
  rows = 0;

  constructor(private readonly client: Queryable) {}

  async begin(): Promise<void> {
    this.known = new Set(await appTables(this.client));
    this.keys = await foreignKeys(this.client);
    for (const key of this.keys) await this.client.query(`ALTER TABLE ${qualified(key.table)} DROP CONSTRAINT ${quoted(key.name)}`);
    // The row a first start creates gives way to the backup's own.
    await this.client.query(`DELETE FROM ${qualified("publication")}`);
  }

  async startTable(name: string): Promise<void> {
    await this.flush();
    if (!this.known.has(name)) throw new BackupError(`The backup holds a table the target database does not have (${name}); nothing was restored.`);
    const columns = (await writableColumns(this.client, name)).map(quoted).join(", ");
    this.table = { name, columns };
  }

  async row(json: string): Promise<void> {
    this.batch.push(json);
    this.batchChars += json.length;
    if (this.batch.length >= BATCH_ROWS || this.batchChars >= BATCH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.table || this.batch.length === 0) return;
    const { name, columns } = this.table;
    await this.client.query(
      `INSERT INTO ${qualified(name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM jsonb_populate_recordset(NULL::${qualified(name)}, $1::jsonb)`,
      [`[${this.batch.join(",")}]`],
    );
    this.rows += this.batch.length;
    this.batch = [];
    this.batchChars = 0;
  }

  /** Adds the foreign keys back (checking every row) and sets the sequences where the source left them. */
  async finish(sequences: SequenceValue[]): Promise<void> {
    await this.flush();
    for (const key of this.keys) {
      await this.client.query(`ALTER TABLE ${qualified(key.table)} ADD CONSTRAINT ${quoted(key.name)} ${key.definition}`);
    }
    for (const sequence of sequences) {
      if (sequence.lastValue === null) continue;
      await this.client.query("SELECT setval($1::regclass, $2::bigint, true)", [qualified(sequence.name), sequence.lastValue]);
    }
  }
}
