/**
 * What a server action request must look like before Next decodes it. React sends an action's
 * arguments as a JSON list (text/plain) or, when they hold files, as multipart form data; a
 * JavaScript-less form posts multipart too. Next answers anything it cannot decode with a bare 500,
 * so scripts/next-server.ts checks the body first and answers 400 or 415 with a sentence instead.
 */
export type ActionBodyVerdict = { ok: true } | { ok: false; status: 400 | 415; message: string };

const REFUSED_TYPE: ActionBodyVerdict = {
  ok: false,
  status: 415,
  message: "Send the form as multipart/form-data, or its arguments as a JSON list in text/plain.",
};

function mediaType(contentType: string): string {
  return contentType.split(";", 1)[0].trim().toLowerCase();
}

/** Whether this request goes to a server action (one React calls, or a form posted without JavaScript). */
export function isActionRequest(method: string | undefined, target: string | undefined, headers: Record<string, string | string[] | undefined>): boolean {
  if (method !== "POST" || (target ?? "").startsWith("/api/")) return false;
  const contentType = String(headers["content-type"] ?? "");
  return headers["next-action"] !== undefined || mediaType(contentType) === "multipart/form-data";
}

export function checkActionBody(contentType: string | undefined, body: Buffer): ActionBodyVerdict {
  const type = mediaType(contentType ?? "");
  if (type === "text/plain") {
    try {
      if (Array.isArray(JSON.parse(body.toString("utf8")))) return { ok: true };
    } catch {
      // Broken or too deeply nested: answered below like any other list that isn't one.
    }
    return { ok: false, status: 400, message: "The action's arguments are not a JSON list." };
  }
  if (type === "multipart/form-data") {
    const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
    const delimiter = boundary ? `--${boundary[1] ?? boundary[2]}` : "";
    const text = body.toString("latin1");
    if (!delimiter || !text.startsWith(delimiter) || !text.includes(`${delimiter}--`)) {
      return { ok: false, status: 400, message: "The form data is malformed or incomplete." };
    }
    return { ok: true };
  }
  return REFUSED_TYPE;
}
