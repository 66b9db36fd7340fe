import { formatDate, formatDateTime } from "@/lib/public/format";
import { publicState } from "@/lib/public/state";

/** In the publication's language (read once per request, see publicState) and the given zone. */
export async function PublicTime({ date, timeZone, withTime = true }: { date: Date; timeZone: string; withTime?: boolean }) {
  const { language } = await publicState();
  return <time dateTime={date.toISOString()}>{withTime ? formatDateTime(date, language, timeZone) : formatDate(date, language, timeZone)}</time>;
}
