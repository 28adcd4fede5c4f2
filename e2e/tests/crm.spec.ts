import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { CrmConflict, CrmOutboxItem, RecordPage, Source, StoredRecord } from '@hamgam/shared';
import { waitForLatestRun } from '../fixtures/app';

const CRM_URL = `http://127.0.0.1:${process.env.E2E_CRM_PORT ?? 3313}`;
const toPersianDigits = (text: string) => text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);

async function runSource(request: APIRequestContext, sourceId: string) {
  expect((await request.post(`/api/sources/${sourceId}/runs`, { data: { trigger: 'manual' } })).status()).toBe(202);
  await waitForLatestRun(request, sourceId, 'success');
}

/** Live CRM contacts not linked to a student yet, and no change of theirs waiting in the outbox. */
async function unlinkedContacts(request: APIRequestContext): Promise<StoredRecord[]> {
  const page = (await (await request.get('/api/sources/crm/records?pageSize=100')).json()) as RecordPage;
  const outbox = (await (await request.get('/api/sources/crm/outbox')).json()) as CrmOutboxItem[];
  const queued = new Set(outbox.map((item) => item.recordId));
  return page.items.filter((record) => !record.deletedAt && !record.fields.studentNumber && !queued.has(record.key));
}

async function someStudent(request: APIRequestContext): Promise<StoredRecord> {
  const page = (await (await request.get('/api/sources/students/records?pageSize=1')).json()) as RecordPage;
  return page.items[0];
}

function contactRow(page: Page, contact: StoredRecord) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: contact.key, exact: true }) });
}

/** Opens the contact's link dialog and links it to the student found by number, leaving the request to `page.route`. */
async function linkInDialog(page: Page, contact: StoredRecord, student: StoredRecord) {
  await page.goto(`/sources/crm/records?q=${encodeURIComponent(contact.key)}`);
  await contactRow(page, contact)
    .getByRole('button', { name: `پیوند «${contact.name}» به یک دانشجو` })
    .click();
  const dialog = page.getByRole('dialog', { name: `پیوند «${contact.name}» به یک دانشجو` });
  await dialog.getByLabel('یافتن دانشجو').fill(student.key);
  await dialog.getByRole('button', { name: 'جست‌وجو', exact: true }).click();
  await dialog
    .getByRole('button', { name: `پیوند به ${student.name}` })
    .first()
    .click();
  await expect(dialog).toBeHidden();
}

test.beforeAll(async ({ request }) => {
  await runSource(request, 'students');
  await runSource(request, 'crm');
});

test('should show a contact linked to a student at once, before the server answers, and keep it queued', async ({ page, request }) => {
  const [contact] = await unlinkedContacts(request);
  const student = await someStudent(request);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/sources/crm/links', async (route) => {
    await held;
    await route.continue();
  });

  await linkInDialog(page, contact, student);
  const row = contactRow(page, contact);
  await expect(row.getByText(toPersianDigits(student.key), { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('crm-link-optimistic-fa.png') });

  release();
  await expect
    .poll(async () => ((await (await request.get('/api/sources/crm/outbox')).json()) as CrmOutboxItem[]).some((item) => item.recordId === contact.key))
    .toBe(true);
  await page.reload();
  await expect(contactRow(page, contact).getByText(toPersianDigits(student.key), { exact: true })).toBeVisible();
});

test('should put the contact back and say why in Persian when the server refuses the link', async ({ page, request }) => {
  const [contact] = await unlinkedContacts(request);
  const student = await someStudent(request);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/sources/crm/links', async (route) => {
    await held;
    await route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        statusCode: 400,
        error: 'Bad Request',
        message: 'studentNumber: no student has this number',
        fields: { studentNumber: ['no student has this number'] },
      }),
    });
  });

  await linkInDialog(page, contact, student);
  const row = contactRow(page, contact);
  await expect(row.getByText(toPersianDigits(student.key), { exact: true })).toBeVisible();
  release();
  await expect(row.getByRole('alert')).toHaveText('پیوند برگردانده شد: کارساز دانشجویی با این شماره ندارد.');
  await expect(row.getByText(toPersianDigits(student.key), { exact: true })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('crm-link-rollback-fa.png') });
});

test('should resolve a conflict by comparing both versions side by side', async ({ page, request }) => {
  const before = (await (await request.get('/api/sources/crm')).json()) as Source;
  expect((await request.patch('/api/sources/crm', { data: { options: { ...before.options, conflictPolicy: 'ask' } } })).ok()).toBe(true);
  try {
    const [contact] = await unlinkedContacts(request);
    const student = await someStudent(request);
    expect((await request.post('/api/sources/crm/links', { data: { contactId: contact.key, studentNumber: student.key } })).status()).toBe(202);
    // Someone edits the same contact in the CRM after our link.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const login = await request.post(`${CRM_URL}/api/auth/login`, { data: { username: 'hamgam.crm', password: 'stand-in-crm-password' } });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const edit = await request.post(`${CRM_URL}/api/sync/batch-push`, {
      headers: { Authorization: `Bearer ${accessToken}` },
      data: {
        device_id: 'another-desk',
        records: [{ table_name: 'contacts', record_id: contact.key, data: { stage: 'alumnus' }, local_updated_at: new Date().toISOString() }],
      },
    });
    expect(edit.ok()).toBe(true);
    await runSource(request, 'crm');

    await page.goto('/crm');
    const openConflicts = page.getByRole('table', { name: 'ناسازگاری‌های باز' });
    const conflictRow = openConflicts.getByRole('row').filter({ hasText: contact.key });
    await conflictRow.getByRole('button', { name: 'مقایسهٔ کنار هم' }).click();
    const dialog = page.getByRole('dialog', { name: `ناسازگاری در مخاطبان ${contact.key}` });
    const linkRow = dialog.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /شماره دانشجویی پیوندخورده/ }) });
    await expect(linkRow.getByText('متفاوت')).toBeVisible();
    await expect(linkRow.getByText(toPersianDigits(student.key))).toBeVisible();
    await dialog.getByLabel('دلیل (اختیاری)').fill('شماره با کارت دانشجویی بررسی شد');
    await page.screenshot({ path: test.info().outputPath('crm-conflict-compare-fa.png') });
    await dialog.getByRole('button', { name: 'نگه‌داشتن نسخهٔ ما' }).click();
    await expect(dialog).toBeHidden();

    await expect(openConflicts.getByRole('row').filter({ hasText: contact.key })).toHaveCount(0);
    await page.getByRole('tab', { name: 'حل‌شده' }).click();
    await expect(page.getByRole('table', { name: 'ناسازگاری‌های حل‌شده' }).getByRole('row').filter({ hasText: contact.key })).toContainText(
      'نسخهٔ ما نگه داشته شد',
    );
    const resolved = (await (await request.get('/api/sources/crm/conflicts?status=resolved')).json()) as CrmConflict[];
    expect(resolved.find((conflict) => conflict.recordId === contact.key)).toMatchObject({
      resolution: 'accept_client',
      reason: 'شماره با کارت دانشجویی بررسی شد',
    });
  } finally {
    await request.patch('/api/sources/crm', { data: { options: before.options } });
  }
});
