import path from "node:path";
import { defineConfig } from "@playwright/test";
import { SMTP_SINK_PORT } from "./e2e/support/mailbox";
import { OEMBED_STAND_IN_PORT } from "./e2e/support/oembed";
import { DEMO_PASSWORD, type TestServer, runDir, servers } from "./e2e/support/servers";


function serve(server: TestServer, args: string, extraEnv: Record<string, string> = {}) {
  return {
    command: `node --import tsx scripts/serve.ts ${args}`,
    url: `http://localhost:${server.port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: {
      PORT: String(server.port),
      DATA_DIR: server.dataDir,
      DATABASE_URL: server.databaseUrl,
      DEMO_PASSWORD,
      // Lets each test present its own client address, so sign-in throttling stays per test.
      TRUST_PROXY: "1",
      ...extraEnv,
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  outputDir: path.join(runDir, "results"),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.E2E_JSON_REPORT ? [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT }]] : [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [
    {
      name: "newsroom",
      testIgnore: [/first-run\.spec\.ts/, /xss\.spec\.ts/],
      use: { baseURL: `http://localhost:${servers.newsroom.port}` },
    },
    {
      // Fills the newsroom with payloads and renames the publication: after every other newsroom test.
      name: "newsroom-xss",
      testMatch: /xss\.spec\.ts/,
      dependencies: ["newsroom"],
      use: { baseURL: `http://localhost:${servers.newsroom.port}` },
    },
    {
      name: "first-run",
      testMatch: /first-run\.spec\.ts/,
      use: { baseURL: `http://localhost:${servers.firstRun.port}` },
    },
  ],
  // The newsroom sends its email to the sink e2e/support/mailbox.ts starts; links point at itself.
  // Its embeds are described by the oEmbed stand-in e2e/support/oembed.ts starts.
  globalSetup: ["./e2e/support/mailbox.ts", "./e2e/support/oembed.ts"],
  webServer: [
    serve(servers.newsroom, "--demo", {
      SMTP_URL: `smtp://127.0.0.1:${SMTP_SINK_PORT}`,
      MAIL_FROM: "desk@newsroom.test",
      PUBLIC_URL: `http://localhost:${servers.newsroom.port}`,
      EMBED_FETCH_STAND_IN: `http://127.0.0.1:${OEMBED_STAND_IN_PORT}`,
    }),
    serve(servers.firstRun, ""),
  ],
});
