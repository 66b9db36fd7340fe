/** Calendar arithmetic on plain "YYYY-MM-DD" days, free of any timezone. */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value && date.getUTCFullYear() >= 1970 && date.getUTCFullYear() <= 9999;
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, count: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + count);
  return toDay(date);
}

export function addMonths(day: string, count: number): string {
  const date = toDate(day);
  return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1)));
}

/** The Monday on or before `day`: newsroom weeks start on Monday. */
export function startOfWeek(day: string): string {
  return addDays(day, -((toDate(day).getUTCDay() + 6) % 7));
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** Whole weeks covering the month of `day`, Monday first. */
export function monthGrid(day: string): string[] {
  const first = startOfMonth(day);
  const last = addDays(addMonths(first, 1), -1);
  const days: string[] = [];
  for (let current = startOfWeek(first); current <= last || days.length % 7 !== 0; current = addDays(current, 1)) {
    days.push(current);
  }
  return days;
}

export function weekDays(day: string): string[] {
  const monday = startOfWeek(day);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}
