/**
 * PostgreSQL keeps each connection's named prepared statements to itself; PGlite has one session,
 * which every connection to the embedded server shares. So the server gives each connection its
 * own names (`c<connection>_<name>`) in the messages that name a statement (Parse, Bind, and
 * Describe and Close of a statement), and closes what a connection leaves prepared when it goes.
 * Two connections may then prepare the same name, as the app's pool does on any PostgreSQL.
 */

const [PARSE, BIND, DESCRIBE, CLOSE, SYNC] = ["P", "B", "D", "C", "S"].map((letter) => letter.charCodeAt(0));
const STATEMENT = "S".charCodeAt(0);
const HEADER_BYTES = 5; // the message's type and length

export type NamedMessage = {
  message: Uint8Array;
  /** The statement this message prepares (Parse) or closes (Close), as the backend knows it. */
  prepares?: string;
  closes?: string;
};

/** The message with any statement name it carries made the connection's own. */
export function withConnectionNames(connection: number, message: Uint8Array): NamedMessage {
  const kind = message[0];
  if (kind === PARSE) return rename(connection, message, HEADER_BYTES, "prepares");
  if (kind === BIND) return rename(connection, message, endOfString(message, HEADER_BYTES) + 1);
  if ((kind === DESCRIBE || kind === CLOSE) && message[HEADER_BYTES] === STATEMENT) {
    return rename(connection, message, HEADER_BYTES + 1, kind === CLOSE ? "closes" : undefined);
  }
  return { message };
}

/** Close messages for these statements, then a Sync: closing one that is not there is no error. */
export function closeStatements(names: Iterable<string>): Uint8Array[] {
  const closes = [...names].map((name) => {
    const encoded = Buffer.from(`${name}\0`);
    return message(CLOSE, Buffer.concat([Buffer.from([STATEMENT]), encoded]));
  });
  return [...closes, message(SYNC, Buffer.alloc(0))];
}

/** The statement name (a C string) at `at`, prefixed unless it is the unnamed statement. */
function rename(connection: number, original: Uint8Array, at: number, records?: "prepares" | "closes"): NamedMessage {
  const end = endOfString(original, at);
  if (end === at) return { message: original };
  const name = `c${connection}_${Buffer.from(original.subarray(at, end)).toString("utf8")}`;
  const body = Buffer.concat([original.subarray(HEADER_BYTES, at), Buffer.from(name, "utf8"), original.subarray(end)]);
  const renamed = message(original[0], body);
  return records ? { message: renamed, [records]: name } : { message: renamed };
}

function endOfString(bytes: Uint8Array, from: number): number {
  const end = bytes.indexOf(0, from);
  if (end === -1) throw new Error("A protocol message ends inside a name.");
  return end;
}

function message(kind: number, body: Uint8Array): Uint8Array {
  const bytes = Buffer.alloc(HEADER_BYTES + body.length);
  bytes[0] = kind;
  bytes.writeInt32BE(4 + body.length, 1);
  bytes.set(body, HEADER_BYTES);
  return bytes;
}
