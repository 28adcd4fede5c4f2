import dayjs from 'dayjs';
import jalaliday from 'jalaliday/dayjs';
import 'dayjs/locale/fa';
import { i18n, toLanguage, type Language } from './i18n';

dayjs.extend(jalaliday);

const PERSIAN_DIGITS = ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'];

/** Latin digits 0–9 to Persian ۰–۹ (dayjs' `fa` locale prints Latin digits). */
export function toPersianDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)]);
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as ASCII, so numbers typed in either keyboard layout count. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));
}

/** Digits as the language writes them: Persian for fa, untouched for en. */
export function localizeDigits(text: string, lng: string): string {
  return toLanguage(lng) === 'fa' ? toPersianDigits(text) : text;
}

const NUMBER_LOCALES: Record<Language, string> = { fa: 'fa-IR', en: 'en-US' };
const numberFormats = new Map<Language, Intl.NumberFormat>();

export function formatNumber(value: number, lng: string): string {
  const language = toLanguage(lng);
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALES[language]);
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** Local date and time: Jalali with Persian digits in fa ("۱۴۰۵/۰۹/۰۲ ۱۰:۳۰"), Gregorian in en ("2026-11-23 10:30"). */
export function formatDateTime(iso: string, lng: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const time = seconds ? 'HH:mm:ss' : 'HH:mm';
  if (toLanguage(lng) === 'fa') {
    return toPersianDigits(dayjs(iso).calendar('jalali').locale('fa').format(`YYYY/MM/DD ${time}`));
  }
  return dayjs(iso).calendar('gregory').locale('en').format(`YYYY-MM-DD ${time}`);
}

/**
 * A moment as a wall clock in `timeZone` shows it, whatever the browser's zone, written like `formatDateTime`
 * (schedules are read in the university's zone, so their previews are too).
 */
export function formatDateTimeIn(iso: string, lng: string, timeZone: string): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  for (const part of format.formatToParts(new Date(iso))) parts[part.type] = part.value;
  // The wall clock read back as a zone-less local time: only its calendar and digits change from here on.
  const wall = dayjs(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00`);
  if (toLanguage(lng) === 'fa') return toPersianDigits(wall.calendar('jalali').locale('fa').format('YYYY/MM/DD HH:mm'));
  return wall.calendar('gregory').locale('en').format('YYYY-MM-DD HH:mm');
}

/** Local time of day with seconds, for log lines. */
export function formatTime(iso: string, lng: string): string {
  return localizeDigits(dayjs(iso).format('HH:mm:ss'), lng);
}

/** A human duration: "۲ دقیقه و ۵ ثانیه" / "2 min 5 s"; under a second reads "less than a second". */
export function formatDuration(ms: number, lng: string): string {
  const t = i18n.getFixedT(toLanguage(lng), 'common');
  const totalSeconds = Math.floor(Math.max(0, ms) / 1000);
  if (totalSeconds === 0) return t('duration.underSecond');
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const n = (value: number) => formatNumber(value, lng);
  if (hours > 0) {
    return minutes > 0 ? t('duration.hoursMinutes', { hours: n(hours), minutes: n(minutes) }) : t('duration.hours', { hours: n(hours) });
  }
  if (minutes > 0) {
    return seconds > 0 ? t('duration.minutesSeconds', { minutes: n(minutes), seconds: n(seconds) }) : t('duration.minutes', { minutes: n(minutes) });
  }
  return t('duration.seconds', { seconds: n(seconds) });
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relativeFormats = new Map<Language, Intl.RelativeTimeFormat>();

/** How long ago (or how soon) `iso` is from `now`, in the largest whole unit: "۳ ساعت پیش" / "3 hours ago", "in 5 minutes". */
export function formatRelative(iso: string, lng: string, now: Date = new Date()): string {
  const language = toLanguage(lng);
  let format = relativeFormats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(NUMBER_LOCALES[language], { numeric: 'auto' });
    relativeFormats.set(language, format);
  }
  const diff = new Date(iso).getTime() - now.getTime();
  const [unit, size] = RELATIVE_UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? ['second', 1000];
  return format.format(Math.trunc(diff / size), unit);
}
