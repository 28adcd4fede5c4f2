import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n, DEFAULT_LANGUAGE } from '../lib/i18n';
import { serverProblems } from '../lib/query-client';

afterEach(async () => {
  cleanup();
  localStorage.clear();
  serverProblems.dismiss();
  await i18n.changeLanguage(DEFAULT_LANGUAGE);
});
