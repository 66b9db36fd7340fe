import { connection } from "next/server";
import { migrationsBehind, probeDatabase } from "@/db/queries/health";
import { mediaStorage } from "@/lib/media/storage";
import { isShuttingDown } from "@/lib/shutdown";
import { withinTime } from "@/lib/time-limit";

/** Each check's bound: a load balancer's probe must get an answer, not a hang. */
const CHECK_MS = 2_000;

/**
 * Readiness, for load balancers: 200 when this instance can serve the newsroom, 503 with the
 * reasons otherwise. /api/health stays liveness (is the process up), so a restart is never
 * ordered just because the database or the media store is away for a moment.
 */
export async function GET() {
  await connection();
  if (isShuttingDown()) return notReady(["The server is shutting down."]);
  const [database, migrations, media] = await Promise.allSettled([
    withinTime(probeDatabase(), CHECK_MS, "The database check"),
    withinTime(migrationsBehind(), CHECK_MS, "The migrations check"),
    withinTime(mediaStorage().check(), CHECK_MS, "The media store check"),
  ]);
  const problems: string[] = [];
  if (database.status === "rejected") problems.push("The database cannot be reached.");
  else if (migrations.status === "rejected") problems.push("The database's migrations cannot be read.");
  else if (migrations.value) problems.push("The database is behind this version: its migrations are still being applied.");
  if (media.status === "rejected") problems.push("The media store cannot be reached.");
  return problems.length > 0 ? notReady(problems) : Response.json({ status: "ready" }, { headers: { "Cache-Control": "no-store" } });
}

function notReady(problems: string[]) {
  return Response.json(
    { status: "not ready", problems, message: problems.join(" ") },
    { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
  );
}
