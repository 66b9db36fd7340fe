import { type ChildProcess, execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Varnish 7 (Debian's `varnish` package) in front of a Masthead instance, with the configuration
 * the repository ships (deploy/varnish/default.vcl) pointed at the instance's port.
 */
export type VarnishInFront = {
  url: string;
  purgeUrl: string;
  /** How many requests Varnish has sent to the app so far. */
  backendRequests: () => Promise<number>;
  stop: () => Promise<void>;
};

const VCL = path.join(process.cwd(), "deploy", "varnish", "default.vcl");

export async function startVarnish(port: number, backendPort: number): Promise<VarnishInFront> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-varnish-"));
  const vcl = path.join(workDir, "default.vcl");
  const stateDir = path.join(workDir, "state");
  fs.writeFileSync(vcl, fs.readFileSync(VCL, "utf8").replace('.port = "3000";', `.port = "${backendPort}";`));
  // -j none: no privilege separation, so it runs as whoever runs the tests (root in CI).
  const varnish: ChildProcess = spawn(
    "varnishd",
    ["-F", "-j", "none", "-n", stateDir, "-a", `127.0.0.1:${port}`, "-f", vcl, "-s", "malloc,64m", "-p", "ban_lurker_sleep=0.01"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  varnish.stdout?.on("data", (chunk) => (log += chunk));
  varnish.stderr?.on("data", (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (varnish.exitCode !== null) throw new Error(`varnishd exited:\n${log}`);
    const answered = await fetch(`${url}/.masthead-purge`, { method: "GET" }).then(
      (response) => response.status === 405,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`varnishd did not answer in 30 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    purgeUrl: `${url}/.masthead-purge`,
    backendRequests: async () => {
      const { stdout } = await promisify(execFile)("varnishstat", ["-n", stateDir, "-1", "-j", "-f", "MAIN.backend_req"]);
      return Number((JSON.parse(stdout) as { counters: Record<string, { value: number }> }).counters["MAIN.backend_req"].value);
    },
    stop: async () => {
      if (varnish.exitCode === null) {
        const exited = new Promise((resolve) => varnish.once("exit", resolve));
        varnish.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}
