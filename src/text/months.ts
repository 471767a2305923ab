/** Month names: what questions and articles write ("July 2021"), and what answers print ("13 July 2021"). */

/** The months, lowercase, January first: `MONTH_NAMES[month - 1]`. */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The days of the week, lowercase, Monday first. */
export const WEEKDAY_NAMES: readonly string[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** "March", "mar", "Sept." → 3: a month by its name or its first three letters; 0 when none. */
export function monthNumber(name: string): number {
  const prefix = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTH_NAMES.findIndex((m) => m.startsWith(prefix)) + 1;
}

/** 7 → "July"; undefined outside 1–12. */
export function monthName(month: number): string | undefined {
  const name = MONTH_NAMES[month - 1];
  return name && name[0]!.toUpperCase() + name.slice(1);
}
