import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const installed = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules", name, "package.json"), "utf8")).version as string;

/** [major, minor, patch, prerelease number or Infinity for a release] */
function parts(version: string): number[] {
  const [release, pre] = version.split("-");
  const numbers = release.split(".").map(Number);
  const preNumber = pre ? Number(/\d+$/.exec(pre)?.[0] ?? 0) : Number.POSITIVE_INFINITY;
  return [...numbers, preNumber];
}

function atLeast(version: string, minimum: string): boolean {
  const [a, b] = [parts(version), parts(minimum)];
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return a[index] > b[index];
  return true;
}

// Fixes for proxy-bypass (CVE-2025-29927 class), React Server Components (CVE-2025-55182) and Auth.js advisories.
it.each([
  ["next", "16.2.6"],
  ["next-auth", "5.0.0-beta.32"],
])("installed %s is at least %s", (name, minimum) => {
  expect(atLeast(installed(name), minimum), `${name} ${installed(name)}`).toBe(true);
});

it("compares versions the way the check above needs", () => {
  expect(atLeast("16.2.6", "16.2.6")).toBe(true);
  expect(atLeast("16.2.5", "16.2.6")).toBe(false);
  expect(atLeast("5.0.0-beta.31", "5.0.0-beta.32")).toBe(false);
  expect(atLeast("5.0.0", "5.0.0-beta.32")).toBe(true);
});
