import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n, DEFAULT_LANGUAGE } from '../lib/i18n';
import { serverProblems } from '../lib/query-client';

// Routes load lazily, and the first import of a route's modules is transformed on demand: on a busy machine that
// alone took more than the default second, and `findBy…` gave up before the page existed.
configure({ asyncUtilTimeout: 4000 });

afterEach(async () => {
  cleanup();
  localStorage.clear();
  serverProblems.dismiss();
  await i18n.changeLanguage(DEFAULT_LANGUAGE);
});
