import { connection } from "next/server";
import { probeDatabase } from "@/db/queries/health";

export async function GET() {
  await connection();
  try {
    return Response.json({ status: "ok", database: await probeDatabase() });
  } catch {
    return Response.json(
      { status: "unavailable", database: "unreachable", message: "The database cannot be reached." },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
}
