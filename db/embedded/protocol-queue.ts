import type { PGlite } from "@electric-sql/pglite";

/** Extended-query messages that leave the backend mid-sequence until the client's Sync. */
const SEQUENCE_MESSAGES = new Set(["P", "B", "D", "E", "C", "H"].map((letter) => letter.charCodeAt(0)));

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
 */
export class ProtocolQueue {
  private queue: Pending[] = [];
  private processing = false;
  /** The connection whose sequence or transaction is in progress, if any. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.processQueue();
    });
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
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(pending!.message, {
              onRawData: (data) => {
                bytes += data.length;
                pending!.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = null;
          pending.reject(error);
          continue;
        }
        const midSequence = SEQUENCE_MESSAGES.has(pending.message[0]);
        this.owner = this.db.isInTransaction() || midSequence ? pending.handlerId : null;
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
    this.queue = this.queue.filter((pending) => {
      if (pending.handlerId !== handlerId) return true;
      pending.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection that went away mid-transaction or mid-sequence must not hold the backend. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.processQueue();
  }
}
