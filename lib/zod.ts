import { z } from "zod";

// Building an object schema makes Zod probe for eval with Function(""). In the browser the
// Content-Security-Policy refuses that and reports a violation on every page that loads a
// schema; Zod's interpreted parser is all the app needs. Modules that may reach the browser
// import z from here so the setting comes first.
z.config({ jitless: true });

export { z };
