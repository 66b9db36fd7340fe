import { formatDate, formatDateTime } from "@/lib/public/format";

export function PublicTime({ date, timeZone, withTime = true }: { date: Date; timeZone: string; withTime?: boolean }) {
  return <time dateTime={date.toISOString()}>{withTime ? formatDateTime(date, timeZone) : formatDate(date, timeZone)}</time>;
}
