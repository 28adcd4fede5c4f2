import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
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

/** The last `days` whole days, today included, as a range. */
export function lastDays(days: number, today: Date = new Date()): DateRange {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  const pad = (value: number) => String(value).padStart(2, '0');
  const iso = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return { from: iso(from), to: iso(today) };
}

const PRESET_DAYS = [7, 30] as const;

/** What the picker's ref exposes (react-multi-date-picker's own type is not exported under a usable name). */
type PickerHandle = { openCalendar?: () => void; closeCalendar?: () => void; isOpen?: boolean };

// The days the arrow keys start from: the chosen one, else today, else the first day of the month.
const DAY_TO_FOCUS = ['.rmdp-day.rmdp-selected', '.rmdp-day.rmdp-today', '.rmdp-day:not(.rmdp-day-hidden):not(.rmdp-disabled)'];

function focusDay(container: HTMLElement | null): boolean {
  // Only the day grid: the hidden month and year pickers use the same classes.
  for (const selector of DAY_TO_FOCUS) {
    const day = container?.querySelector<HTMLElement>(`.rmdp-day-picker ${selector}`);
    if (day) {
      day.focus();
      return document.activeElement === day;
    }
  }
  return false;
}

/**
 * The package renders every day as a div with an aria-label and no role, and the out-of-month ones empty: days
 * become buttons, the empty ones leave the accessibility tree. Redone whenever the calendar re-renders a month.
 */
function labelDays(container: HTMLElement): void {
  for (const day of container.querySelectorAll<HTMLElement>('.rmdp-day')) {
    if (day.classList.contains('rmdp-day-hidden')) {
      day.removeAttribute('aria-label');
      day.setAttribute('aria-hidden', 'true');
    } else if (day.getAttribute('role') !== 'button') {
      day.setAttribute('role', 'button');
    }
  }
}

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
  const { t, i18n } = useTranslation('common');
  const isFa = toLanguage(i18n.language) === 'fa';
  const selected = [value.from, value.to].filter((date): date is string => date !== null).map(toDate);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const pickerRef = useRef<PickerHandle>(null);
  // Focus given back to the field after Escape must not open the calendar again, as a focus there otherwise does.
  const isReturningFocus = useRef(false);

  useEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    labelDays(wrapper);
    const observer = new MutationObserver(() => labelDays(wrapper));
    observer.observe(wrapper, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  const returnFocus = () => {
    pickerRef.current?.closeCalendar?.();
    isReturningFocus.current = true;
    wrapperRef.current?.querySelector<HTMLInputElement>('input')?.focus();
    isReturningFocus.current = false;
  };

  // Keyboard use on top of the package's own (arrows move between days, Space picks one): Down or Enter in the
  // field goes into the calendar, Enter picks a day like Space, Escape closes it and gives focus back to the field.
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const isInput = target instanceof HTMLInputElement;
    const isDay = target.classList.contains('rmdp-day');
    if (isInput && (event.key === 'ArrowDown' || event.key === 'Enter')) {
      event.preventDefault();
      event.stopPropagation();
      // The calendar opens when the field gets focus; when it was closed (Escape), the package opens it after a
      // timeout, so try again on the next frames until a day can take focus.
      if (!focusDay(wrapperRef.current)) {
        pickerRef.current?.openCalendar?.();
        let frames = 30;
        const retry = () => {
          frames -= 1;
          if (!focusDay(wrapperRef.current) && frames > 0) requestAnimationFrame(retry);
        };
        requestAnimationFrame(retry);
      }
    } else if (isDay && event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      target.click();
    } else if (event.key === 'Escape' && isInput && pickerRef.current?.isOpen) {
      // The calendar opens as the field gets focus: Escape there closes it too, leaving focus in the field.
      event.preventDefault();
      event.stopPropagation();
      returnFocus();
    } else if (event.key === 'Escape' && !isInput && target.closest('.rmdp-calendar')) {
      event.preventDefault();
      event.stopPropagation();
      returnFocus();
    }
  };

  return (
    <div
      ref={wrapperRef}
      className="date-range-field"
      onKeyDownCapture={onKeyDownCapture}
      onFocusCapture={(event) => {
        if (isReturningFocus.current) event.stopPropagation();
      }}
    >
      <DatePicker
        ref={pickerRef}
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
        renderButton={(direction: 'left' | 'right', onClick: (event: MouseEvent<HTMLButtonElement>) => void, disabled: boolean) => {
          // The package's "left" button is the earlier month in either direction (it only flips the arrow's look).
          const isPrevious = direction === 'left';
          return (
            <button
              type="button"
              className={`rmdp-arrow-container rmdp-${direction}${disabled ? ' disabled' : ''}`}
              aria-label={t(isPrevious ? 'datePicker.previousMonth' : 'datePicker.nextMonth')}
              disabled={disabled}
              onClick={onClick}
            >
              <i className="rmdp-arrow" aria-hidden="true" />
            </button>
          );
        }}
        onChange={(dates: DateObject[] | DateObject | null) => {
          const list = Array.isArray(dates) ? dates : dates ? [dates] : [];
          // Wait for the second click: a half-chosen range would refetch for nothing.
          if (list.length === 1) return;
          onChange({ from: list[0] ? toIsoDate(list[0]) : null, to: list[1] ? toIsoDate(list[1]) : null });
        }}
      />
      <div className="date-range__presets">
        {PRESET_DAYS.map((days) => {
          const range = lastDays(days);
          const isChosen = value.from === range.from && value.to === range.to;
          return (
            <button key={days} type="button" className="date-range__preset" aria-pressed={isChosen} onClick={() => onChange(range)}>
              {t('datePicker.lastDays', { count: days })}
            </button>
          );
        })}
      </div>
    </div>
  );
}
