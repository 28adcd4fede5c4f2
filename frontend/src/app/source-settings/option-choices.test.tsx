import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Source } from '@hamgam/shared';
import { stubApi } from '../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeSource } from '../../testing/fixtures';
import { renderApp } from '../../testing/render';

function crm(): Source {
  return makeSource({
    id: 'crm',
    options: { conflictPolicy: 'ask' },
    settings: {
      connection: makeSource().settings.connection,
      options: {
        type: 'object',
        properties: {
          conflictPolicy: { type: 'string', enum: ['lww', 'ask'], default: 'lww', labelKey: 'options.conflictPolicy' },
          channel: { type: 'string', enum: ['plain', 'tls'], default: 'plain' },
        },
      },
    },
  });
}

async function openOptions(lng: 'fa' | 'en') {
  stubApi({ 'GET /api/sources': () => [crm()], 'GET /api/schedules/config': () => AUTO_SYNC_CONFIG });
  const view = await renderApp({ lng });
  const card = await screen.findByRole('article', { name: lng === 'fa' ? 'سامانهٔ ارتباط با مخاطبان (CRM)' : 'CRM' });
  await view.user.click(within(card).getByRole('button', { name: lng === 'fa' ? 'تنظیمات' : 'Settings' }));
  const dialog = screen.getByRole('dialog');
  await view.user.click(within(dialog).getByRole('tab', { name: lng === 'fa' ? 'گزینه‌ها' : 'Options' }));
  return dialog;
}

const choices = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((option) => [option.getAttribute('value'), option.textContent]);

describe('settings dialog, the words of a declared choice', () => {
  it("should name the CRM's conflict policies in English from its locale file, keeping the values sent", async () => {
    const dialog = await openOptions('en');
    const policy = within(dialog).getByLabelText('When both sides changed a record');
    expect(policy).toHaveValue('ask');
    expect(choices(policy)).toEqual([
      ['lww', 'The newer change wins (last write wins)'],
      ['ask', 'An admin decides, side by side'],
    ]);
  });

  it('should name them in Persian, and show a choice the locale file does not name as its value', async () => {
    const dialog = await openOptions('fa');
    const policy = within(dialog).getByLabelText('وقتی هر دو طرف رکوردی را تغییر داده باشند');
    expect(choices(policy)).toEqual([
      ['lww', 'تغییر تازه‌تر می‌ماند (آخرین تغییر برنده است)'],
      ['ask', 'مدیر با مقایسهٔ کنار هم تصمیم می‌گیرد'],
    ]);
    expect(choices(within(dialog).getByLabelText('channel'))).toEqual([
      ['plain', 'plain'],
      ['tls', 'tls'],
    ]);
  });
});
