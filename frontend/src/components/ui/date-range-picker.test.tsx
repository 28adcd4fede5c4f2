import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n';
import { DateRangePicker, lastDays, type DateRange } from './date-range-picker';

function Harness({ onRange }: { onRange: (range: DateRange) => void }) {
  const [value, setValue] = useState<DateRange>({ from: null, to: null });
  return (
    <>
      <label htmlFor="dates">Dates</label>
      <DateRangePicker
        id="dates"
        value={value}
        onChange={(range) => {
          setValue(range);
          onRange(range);
        }}
      />
    </>
  );
}

const focusedDay = () => document.activeElement as HTMLElement;

describe('DateRangePicker', () => {
  afterEach(async () => {
    await i18n.changeLanguage('fa');
  });

  it('should pick a range with the keyboard alone and give focus back to the field on Escape', async () => {
    await i18n.changeLanguage('en');
    const user = userEvent.setup();
    const ranges: DateRange[] = [];
    render(<Harness onRange={(range) => ranges.push(range)} />);

    await user.click(screen.getByLabelText('Dates'));
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(focusedDay()).toHaveClass('rmdp-today'));
    expect(focusedDay()).toHaveAttribute('role', 'button');

    await user.keyboard('{Enter}{ArrowRight}{ArrowRight}{Enter}');
    expect(ranges).toHaveLength(1);
    const { from, to } = ranges[0];
    expect(Date.parse(to ?? '') - Date.parse(from ?? '')).toBe(2 * 24 * 3600 * 1000);

    await user.keyboard('{Escape}');
    expect(screen.getByLabelText('Dates')).toHaveFocus();
    expect(document.querySelector('.rmdp-calendar')).toBeNull();
  });

  it('should name the month buttons in the UI language and hide the empty out-of-month days', async () => {
    await i18n.changeLanguage('fa');
    const user = userEvent.setup();
    render(<Harness onRange={() => undefined} />);

    await user.click(screen.getByLabelText('Dates'));
    expect(await screen.findByRole('button', { name: 'ماه قبل' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'ماه بعد' })).toBeInTheDocument();
    for (const day of document.querySelectorAll('.rmdp-day-hidden')) {
      expect(day).toHaveAttribute('aria-hidden', 'true');
      expect(day).not.toHaveAttribute('aria-label');
    }
  });

  it('should close the calendar on Escape while focus is still in the field', async () => {
    await i18n.changeLanguage('en');
    const user = userEvent.setup();
    render(<Harness onRange={() => undefined} />);

    await user.click(screen.getByLabelText('Dates'));
    await waitFor(() => expect(document.querySelector('.rmdp-calendar')).not.toBeNull());
    await user.keyboard('{Escape}');

    await waitFor(() => expect(document.querySelector('.rmdp-calendar')).toBeNull());
    expect(screen.getByLabelText('Dates')).toHaveFocus();
  });

  it('should offer the last 7 and 30 days, today included', async () => {
    await i18n.changeLanguage('fa');
    const user = userEvent.setup();
    const ranges: DateRange[] = [];
    render(<Harness onRange={(range) => ranges.push(range)} />);

    await user.click(screen.getByRole('button', { name: '۳۰ روز گذشته' }));

    expect(ranges).toEqual([lastDays(30)]);
    expect(Date.parse(ranges[0].to!) - Date.parse(ranges[0].from!)).toBe(29 * 24 * 3600 * 1000);
    expect(screen.getByRole('button', { name: '۳۰ روز گذشته' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '۷ روز گذشته' })).toHaveAttribute('aria-pressed', 'false');
  });
});
