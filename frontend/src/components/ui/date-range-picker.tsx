import { useTranslation } from 'react-i18next';
import DatePickerModule, { type DateObject } from 'react-multi-date-picker';
import gregorian from 'react-date-object/calendars/gregorian';
import persian from 'react-date-object/calendars/persian';
import gregorian_en from 'react-date-object/locales/gregorian_en';
import persian_fa from 'react-date-object/locales/persian_fa';
import { toLanguage } from '../../lib/i18n';

// The package is CommonJS with `exports.default`; the production bundle hands us the whole module object.
const DatePicker = (DatePickerModule as unknown as { default?: typeof DatePickerModule }).default ?? DatePickerModule;

/** A range of whole local days as Gregorian ISO dates (`2026-11-23`), either end open. */
export type DateRange = { from: string | null; to: string | null };

export type DateRangePickerProps = {
  id: string;
  value: DateRange;
  onChange: (range: DateRange) => void;
  placeholder?: string;
};

function toDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year, month - 1, day);
}

function toIsoDate(date: DateObject): string {
  const local = date.toDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/**
 * react-multi-date-picker in range mode: the Jalali calendar with Persian digits in fa, Gregorian in en.
 * Whatever the calendar shown, the value is Gregorian ISO dates, so URLs and the API never see Jalali.
 */
export function DateRangePicker({ id, value, onChange, placeholder }: DateRangePickerProps) {
  const { i18n } = useTranslation();
  const isFa = toLanguage(i18n.language) === 'fa';
  const selected = [value.from, value.to].filter((date): date is string => date !== null).map(toDate);

  return (
    <DatePicker
      id={id}
      range
      value={selected}
      calendar={isFa ? persian : gregorian}
      locale={isFa ? persian_fa : gregorian_en}
      format="YYYY/MM/DD"
      dateSeparator={isFa ? ' تا ' : ' – '}
      calendarPosition={isFa ? 'bottom-right' : 'bottom-left'}
      inputClass="form__control date-range__input"
      containerClassName="date-range"
      placeholder={placeholder}
      editable={false}
      onChange={(dates: DateObject[] | DateObject | null) => {
        const list = Array.isArray(dates) ? dates : dates ? [dates] : [];
        // Wait for the second click: a half-chosen range would refetch for nothing.
        if (list.length === 1) return;
        onChange({ from: list[0] ? toIsoDate(list[0]) : null, to: list[1] ? toIsoDate(list[1]) : null });
      }}
    />
  );
}
