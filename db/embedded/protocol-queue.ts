import type { PGlite } from "@electric-sql/pglite";
import { closeStatements, withConnectionNames } from "./statement-names";

const codes = (letters: string[]) => new Set(letters.map((letter) => letter.charCodeAt(0)));
/** Extended-query messages that leave the backend mid-sequence until the client's Sync. */
const SEQUENCE_MESSAGES = codes(["P", "B", "D", "E", "C", "H"]);
/** Those whose answers can wait for the Sync (or Flush), as a PostgreSQL server's do. */
const HELD_ANSWERS = codes(["P", "B", "D", "E", "C"]);
/** Not a connection (their ids start at 1): the closing of statements a departed one left. */
const DEPARTED = 0;

type Pending = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

/**
 * The one queue between every socket and the single PGlite backend — a replacement for
 * pglite-socket 0.2.17's own, which keeps a connection's messages together only inside a
 * transaction. node-postgres sends each parameterised query as Parse/Bind/Describe/Execute/Sync
 * on the unnamed statement, so two connections interleaving message by message bind one query's
 * parameters to the other's statement ("invalid input syntax for type uuid", or worse, a wrong
 * answer). Here a connection keeps the backend from its first extended-query message to its
 * Sync, and for the whole of any transaction.
 *
 * Like a PostgreSQL server, it holds a sequence's answers until the Sync (or Flush) and sends them
 * in one write: one wake-up of the client per query instead of five; and it keeps each
 * connection's named statements apart (statement-names.ts).
 */
export class ProtocolQueue {
  private queue: Pending[] = [];
  private processing = false;
  /** The connection whose sequence or transaction is in progress, if any. */
  private owner: number | null = null;
  /** Answers held for each connection until its Sync or Flush. */
  private held = new Map<number, Uint8Array[]>();
  /** The statements each connection has prepared, by the names the backend knows them by. */
  private statements = new Map<number, Set<string>>();

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      const named = withConnectionNames(handlerId, message);
      if (named.prepares) this.statementsOf(handlerId).add(named.prepares);
      if (named.closes) this.statements.get(handlerId)?.delete(named.closes);
      this.queue.push({ handlerId, message: named.message, onData, resolve, reject });
      void this.processQueue();
    });
  }

  private statementsOf(handlerId: number): Set<string> {
    let names = this.statements.get(handlerId);
    if (!names) this.statements.set(handlerId, (names = new Set()));
    return names;
  }

  private next(): Pending | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((pending) => pending.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async processQueue(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let pending = this.next(); pending; pending = this.next()) {
        const answers = this.held.get(pending.handlerId) ?? [];
        this.held.delete(pending.handlerId);
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(pending!.message, {
              // A copy: the backend reuses the memory behind `data`.
              onRawData: (data) => void answers.push(new Uint8Array(data)),
            }),
          );
        } catch (error) {
          this.owner = null;
          pending.reject(error);
          continue;
        }
        const kind = pending.message[0];
        this.owner = this.db.isInTransaction() || SEQUENCE_MESSAGES.has(kind) ? pending.handlerId : null;
        if (HELD_ANSWERS.has(kind)) this.held.set(pending.handlerId, answers);
        const bytes = HELD_ANSWERS.has(kind) ? 0 : send(answers, pending.onData);
        pending.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.held.delete(handlerId);
    this.queue = this.queue.filter((pending) => {
      if (pending.handlerId !== handlerId) return true;
      pending.reject(new Error("Handler disconnected"));
      return false;
    });
    const names = this.statements.get(handlerId);
    this.statements.delete(handlerId);
    // What a PostgreSQL server drops with the session: queued like any connection's messages.
    if (names?.size) {
      for (const message of closeStatements(names)) {
        this.queue.push({ handlerId: DEPARTED, message, onData: () => {}, resolve: () => {}, reject: () => {} });
      }
      void this.processQueue();
    }
  }

  /** A connection that went away mid-transaction or mid-sequence must not hold the backend. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.processQueue();
  }
}

/** Passes a connection's answers on as one chunk; the number of bytes sent. */
function send(answers: Uint8Array[], onData: (data: Uint8Array) => void): number {
  if (answers.length === 0) return 0;
  const data = answers.length === 1 ? answers[0] : Buffer.concat(answers);
  onData(data);
  return data.length;
}
