import type { Metadata } from "next";
import Link from "next/link";
import { FilterLink } from "@/components/desk/filter-link";
import { listCalendarStories } from "@/db/queries/calendar";
import { getPublication } from "@/db/queries/publication";
import { addDays, addMonths, isDay, monthGrid, startOfMonth, weekDays } from "@/lib/calendar-days";
import { requirePermission } from "@/lib/session";
import { toZonedLocalInput, zonedLocalToUtc } from "@/lib/time-zone";
import { STATUS_LABELS } from "@/lib/workflow/transitions";

export const metadata: Metadata = { title: "Calendar" };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const dayTitle = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const monthTitle = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** Midnight of a day in the publication's zone (or the first minute that exists, on a DST day). */
function startOfDayIn(day: string, timeZone: string): Date {
  return zonedLocalToUtc(`${day}T00:00`, timeZone) ?? zonedLocalToUtc(`${day}T01:00`, timeZone)!;
}

export default async function CalendarPage({ searchParams }: PageProps<"/desk/calendar">) {
  await requirePermission("desk.overview");
  const query = await searchParams;
  const { timezone } = await getPublication();
  const view = query.view === "week" ? "week" : "month";
  const today = toZonedLocalInput(new Date(), timezone).slice(0, 10);
  const anchor = isDay(query.date) ? query.date : today;

  const days = view === "week" ? weekDays(anchor) : monthGrid(anchor);
  const stories = await listCalendarStories(startOfDayIn(days[0], timezone), startOfDayIn(addDays(days.at(-1)!, 1), timezone));
  const byDay = new Map<string, typeof stories>();
  for (const story of stories) {
    const day = toZonedLocalInput(story.at, timezone).slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), story]);
  }
  const [previous, next] = view === "week" ? [addDays(anchor, -7), addDays(anchor, 7)] : [addMonths(anchor, -1), addMonths(anchor, 1)];
  const title =
    view === "week" ? `Week of ${dayTitle.format(new Date(`${days[0]}T00:00:00Z`))}` : monthTitle.format(new Date(`${startOfMonth(anchor)}T00:00:00Z`));

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Calendar</h1>
        <p className="text-sm text-stone-600">Times in {timezone}</p>
      </div>
      <nav aria-label="Calendar view" className="flex flex-wrap items-center gap-2 text-sm">
        <FilterLink href={`/desk/calendar?view=month&date=${anchor}`} label="Month" current={view === "month"} />
        <FilterLink href={`/desk/calendar?view=week&date=${anchor}`} label="Week" current={view === "week"} />
        <Link href={`/desk/calendar?view=${view}&date=${previous}`} className="ml-4 underline">
          Previous
        </Link>
        <Link href={`/desk/calendar?view=${view}&date=${today}`} className="underline">
          Today
        </Link>
        <Link href={`/desk/calendar?view=${view}&date=${next}`} className="underline">
          Next
        </Link>
      </nav>
      <h2 className="text-xl font-semibold">{title}</h2>
      <ol className="grid grid-cols-1 gap-px overflow-hidden rounded border border-stone-300 bg-stone-300 sm:grid-cols-7">
        {days.map((day, index) => {
          const outside = view === "month" && day.slice(0, 7) !== anchor.slice(0, 7);
          return (
            <li key={day} aria-label={dayTitle.format(new Date(`${day}T00:00:00Z`))} className={`min-h-24 p-2 text-sm ${outside ? "bg-stone-100 text-stone-500" : "bg-white"}`}>
              <p className={`text-xs ${day === today ? "font-bold text-red-800" : ""}`}>
                <span className="sm:hidden">{WEEKDAYS[index % 7]} </span>
                {Number(day.slice(8))}
              </p>
              <ul className="mt-1 space-y-1">
                {(byDay.get(day) ?? []).map((story) => (
                  <li key={story.id}>
                    <Link href={`/desk/stories/${story.id}/edit`} className="block rounded bg-stone-100 px-1 py-0.5 hover:bg-stone-200">
                      <span className="tabular-nums">{toZonedLocalInput(story.at, timezone).slice(11, 16)}</span>{" "}
                      <span className="font-medium">{story.headline || "Untitled story"}</span>
                      <span className="block text-xs text-stone-600">{STATUS_LABELS[story.status]}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
