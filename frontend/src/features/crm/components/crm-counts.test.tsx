import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SourceStats } from '@hamgam/shared';
import { stubApi } from '../../../testing/fetch-stub';
import { makeSource } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render';
import { CrmCounts } from './crm-counts';

const stats = (contactsUpstream: number | null): SourceStats => ({
  tables: [
    { table: 'contacts', live: 120, deleted: 3, upstream: contactsUpstream },
    { table: 'interactions', live: 400, deleted: 0, upstream: 400 },
  ],
  pendingPush: 2,
  openConflicts: 1,
});

describe('CRM counts on the card', () => {
  it("should show the CRM's counts beside ours and flag only the table that differs", async () => {
    stubApi({ 'GET /api/sources/crm/stats': () => stats(125) });
    await renderWithProviders(<CrmCounts source={makeSource({ id: 'crm' })} />);
    const table = await screen.findByRole('table', { name: 'رکوردهای ما و رکوردهای CRM' });
    const contacts = within(table).getByRole('rowheader', { name: 'مخاطبان' }).closest('tr')!;
    expect(contacts).toHaveTextContent('۱۲۰');
    expect(contacts).toHaveTextContent('۱۲۵');
    expect(within(contacts).getByText('اختلاف ۵')).toBeInTheDocument();
    const interactions = within(table).getByRole('rowheader', { name: 'تعامل‌ها' }).closest('tr')!;
    expect(within(interactions).queryByText(/اختلاف/)).not.toBeInTheDocument();
    expect(screen.getByText('۲ تغییر در انتظار ارسال')).toBeInTheDocument();
    expect(screen.getByText('۱ ناسازگاری باز')).toBeInTheDocument();
  });

  it('should say the CRM count is not known, without a flag, when the CRM could not be asked', async () => {
    stubApi({ 'GET /api/sources/crm/stats': () => stats(null) });
    await renderWithProviders(<CrmCounts source={makeSource({ id: 'crm' })} />, { lng: 'en' });
    const contacts = (await screen.findByRole('rowheader', { name: 'Contacts' })).closest('tr')!;
    expect(within(contacts).getByText('not known')).toBeInTheDocument();
    expect(within(contacts).queryByText(/differs/)).not.toBeInTheDocument();
  });
});
