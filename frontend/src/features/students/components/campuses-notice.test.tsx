import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { stubApi } from '../../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

function stubStudents(campuses: { code: string; name: string }[]) {
  const students = makeSource({ id: 'students', modes: ['full', 'recent'], options: { campuses } });
  return stubApi({ 'GET /api/sources': () => [students], 'GET /api/schedules/config': () => AUTO_SYNC_CONFIG });
}

describe('students card, campuses notice', () => {
  it('should ask for the campuses on the card when the list is empty', async () => {
    stubStudents([]);
    await renderApp({ lng: 'en' });
    const card = await screen.findByRole('article', { name: 'Students' });
    expect(within(card).getByRole('status')).toHaveTextContent("No campuses yet: add your university's campuses in Settings");
  });

  it('should ask in Persian when the panel is in Persian', async () => {
    stubStudents([]);
    await renderApp({ lng: 'fa' });
    const card = await screen.findByRole('article', { name: 'دانشجویان' });
    expect(within(card).getByRole('status')).toHaveTextContent('هنوز پردیسی ثبت نشده است');
  });

  it('should say nothing when campuses are listed', async () => {
    stubStudents([{ code: '1110', name: 'مرکز تهران' }]);
    await renderApp({ lng: 'en' });
    const card = await screen.findByRole('article', { name: 'Students' });
    expect(within(card).queryByText(/No campuses yet/)).not.toBeInTheDocument();
  });
});
