import type { BrowserContext, Page } from "@playwright/test";

export type PageVerdict = { ran: unknown; findings: string[]; text: string };

/**
 * Records, for every page of the context, alert/confirm/prompt dialogs and CSP violations as
 * Chromium reports them on the console; `probe` adds the securitypolicyviolation events.
 */
export async function watchForExecution(context: BrowserContext) {
  const alarms: string[] = [];
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber} “${event.sample}”`));
  });
  context.on("page", (page) => {
    page.on("dialog", (dialog) => {
      // The editor asks before leaving unsaved changes; that is the app's own question, not a payload's.
      if (dialog.type() === "beforeunload") return void dialog.accept();
      alarms.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) alarms.push(`CSP: ${message.text()}`);
    });
  });
  return alarms;
}

/**
 * Everything on the page that could run code a payload brought: inline handlers, script-bearing
 * URLs, frames, foreign markup and scripts the server did not sign: with the nonce (pages for one
 * person), or by their hash in the page's `policy` (public pages), or Next's own chunks. Also
 * returns whether any payload ran (`__xss`), and the page's text so a test can prove the fields were shown.
 */
export function probe(page: Page, policy = ""): Promise<PageVerdict & { csp: string[] }> {
  return page.evaluate(async (policy) => {
    const findings: string[] = [];
    const URL_ATTRIBUTES = new Set(["href", "xlink:href", "src", "action", "formaction", "data", "poster", "background", "to", "values", "from"]);
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const where = `<${element.tagName.toLowerCase()} ${name}="${attribute.value.slice(0, 60)}">`;
        if (name.startsWith("on") || name === "srcdoc" || name === "style" && /expression|javascript:/i.test(attribute.value)) findings.push(where);
        if (!URL_ATTRIBUTES.has(name)) continue;
        // Browsers drop control characters and spaces around and inside a scheme.
        const squeezed = attribute.value.replace(/[\u0000-\u0020]/g, "");
        let protocol = "";
        try {
          protocol = new URL(attribute.value, location.href).protocol;
        } catch {}
        if (/^(javascript|vbscript):/i.test(squeezed) || protocol === "javascript:" || protocol === "vbscript:") findings.push(where);
        if ((/^data:/i.test(squeezed) || protocol === "data:") && element.tagName !== "IMG") findings.push(where);
      }
    }
    const foreign = "iframe, frame, frameset, object, embed, base, math, marquee, xss, mglyph, xmp, keygen, meta[http-equiv]";
    for (const element of Array.from(document.querySelectorAll(foreign))) findings.push(`<${element.tagName.toLowerCase()}> element`);
    const hashes = new Set((/script-src([^;]*)/.exec(policy)?.[1] ?? "").trim().split(/\s+/));
    for (const script of Array.from(document.querySelectorAll("script"))) {
      if (script.hasAttribute("nonce") || script.type === "application/ld+json") continue;
      const src = script.getAttribute("src");
      if (src !== null && src.startsWith("/_next/static/")) continue;
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(script.textContent ?? "")));
      if (src === null && hashes.has(`'sha256-${btoa(String.fromCharCode(...digest))}'`)) continue;
      findings.push(`unsigned <script${src === null ? "" : ` src="${src.slice(0, 60)}"`}>${script.textContent?.slice(0, 60)}`);
    }
    const win = window as unknown as { __xss?: unknown; __cspViolations?: string[] };
    // Form fields count as shown: the desk edits headline, dek, captions and bios in them.
    const values = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")).map((field) => field.value);
    return { ran: win.__xss, findings, text: [document.title, document.body?.innerText ?? "", ...values].join("\n"), csp: win.__cspViolations ?? [] };
  }, policy);
}
