import fs from "node:fs";
import path from "node:path";
import { exitCode, output, runScript, waitForLine } from "../tests/support/processes";
import { LoginPage, expect, test } from "./support/fixtures";
import { DEMO_PASSWORD, PORT_BASE, runDir } from "./support/servers";

// `npm run demo` and `npm start` as a person runs them: start, refuse a twin, stop cleanly, start again.
test("the server owns its data directory, shuts down cleanly and reseeds safely", async ({ page }) => {
  test.slow();
  const dataDir = fs.mkdtempSync(path.join(runDir, "process-"));
  const port = PORT_BASE + 10;
  // runScript drops DATABASE_URL, so this always runs the embedded database, whichever suite this is.
  const env = { DATA_DIR: dataDir, PORT: String(port), DEMO_PASSWORD, TRUST_PROXY: "1" };
  const start = () => runScript("serve.ts", ["--demo"], env);

  const first = start();
  await waitForLine(first, new RegExp(`Masthead is ready at http://localhost:${port}`), 90_000);
  expect(fs.statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);

  const twin = runScript("serve.ts", ["--demo"], { ...env, PORT: String(port + 1) });
  const twinLog = output(twin);
  expect(await exitCode(twin)).toBe(1);
  expect(twinLog.text().trim()).toMatch(/^masthead: The data directory .* is already in use/);

  first.kill("SIGTERM");
  expect(await exitCode(first)).toBe(0);
  expect(fs.existsSync(path.join(dataDir, "masthead.lock"))).toBe(false);

  const second = start();
  try {
    await waitForLine(second, /Masthead is ready/, 90_000);
    await page.goto(`http://localhost:${port}/`);
    await expect(page.getByRole("heading", { name: /Harbour council approves a new sea wall/ })).toHaveCount(1);
    await page.goto(`http://localhost:${port}/login`);
    await new LoginPage(page).signIn("admin@newsroom.test", DEMO_PASSWORD);
    await expect(page.getByTestId("signed-in-as")).toHaveText(/Mara Quill\s*Admin/);
  } finally {
    second.kill("SIGTERM");
    await exitCode(second);
  }
});
