import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeSource, makeUser } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const WATERMARK = '2026-03-20T20:30:00.000Z';

function stubCrm(watermark: { serverUpdatedAt: string | null; updatedAt: string | null }, resetReply?: () => unknown) {
  const crm = makeSource({ id: 'crm', modes: ['recent', 'full'] });
  let current = watermark;
  return stubApi({
    'GET /api/sources': () => [crm],
    'GET /api/schedules/config': () => AUTO_SYNC_CONFIG,
    'GET /api/sources/crm/watermark': () => current,
    'POST /api/sources/crm/watermark/reset': () => {
      const answer = resetReply?.();
      if (answer) return answer;
      current = { serverUpdatedAt: null, updatedAt: WATERMARK };
      return current;
    },
  });
}

describe('crm card, watermark notice', () => {
  it('should show the watermark in the Jalali calendar when the panel is in Persian', async () => {
    stubCrm({ serverUpdatedAt: WATERMARK, updatedAt: WATERMARK });
    await renderApp({ lng: 'fa' });
    const card = await screen.findByRole('article', { name: 'سامانهٔ ارتباط با مخاطبان (CRM)' });
    // 20:30 UTC on 20 March 2026 is midnight of Nowruz 1405 in Tehran (the tests' time zone), in Persian digits.
    expect(await within(card).findByText(/تغییرهای CRM تا ۱۴۰۵\/۰۱\/۰۱/)).toBeInTheDocument();
  });

  it('should reset the watermark and show that everything will be read again when an admin asks', async () => {
    const api = stubCrm({ serverUpdatedAt: WATERMARK, updatedAt: WATERMARK });
    const { user } = await renderApp({ lng: 'en' });
    const card = await screen.findByRole('article', { name: 'CRM' });

    await user.click(await within(card).findByRole('button', { name: 'Read everything again' }));

    expect(await within(card).findByText('Nothing read from the CRM yet: the next run reads every change')).toBeInTheDocument();
    expect(api.callsTo('POST /api/sources/crm/watermark/reset')).toHaveLength(1);
  });

  it('should say why when the server refuses the reset', async () => {
    stubCrm({ serverUpdatedAt: WATERMARK, updatedAt: WATERMARK }, () => reply(409, errorBody(409, 'a CRM run is active; reset the watermark after it ends')));
    const { user } = await renderApp({ lng: 'en' });
    const card = await screen.findByRole('article', { name: 'CRM' });

    await user.click(await within(card).findByRole('button', { name: 'Read everything again' }));

    expect(await within(card).findByRole('alert')).toHaveTextContent('The watermark was not reset: a CRM run is active');
  });

  it('should offer no reset to an auditor', async () => {
    stubCrm({ serverUpdatedAt: WATERMARK, updatedAt: WATERMARK });
    await renderApp({ lng: 'en', session: makeUser({ role: 'auditor' }) });
    const card = await screen.findByRole('article', { name: 'CRM' });
    expect(await within(card).findByText(/CRM changes read up to/)).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Read everything again' })).not.toBeInTheDocument();
  });
});
