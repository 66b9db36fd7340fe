/** Times as readers see them: in the publication's timezone, always with the zone shown. */
export function formatDateTime(date: Date, timeZone: string): string {
  // dateStyle cannot be combined with timeZoneName, hence the fields spelled out.
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(date);
}

