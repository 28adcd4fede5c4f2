const formats = new Map<string, Intl.DateTimeFormat>();

function format(calendar: 'persian' | 'gregory', timeZone: string): Intl.DateTimeFormat {
  const key = `${calendar}|${timeZone}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, found);
  }
  return found;
}

function parts(iso: string, calendar: 'persian' | 'gregory', timeZone: string): Record<string, string> {
  return Object.fromEntries(
    format(calendar, timeZone)
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
}

/** "1405/09/02 10:30:00" in the zone: the Jalali calendar with Latin digits (sortable, and Excel keeps it as text). */
export function jalaliDateTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const p = parts(iso, 'persian', timeZone);
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "2026-11-23 10:30:00" in the zone. */
export function localDateTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const p = parts(iso, 'gregory', timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
