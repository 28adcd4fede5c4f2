import type { ConnectionField } from '../../sync/settings/source-settings';

/** The gateway's login: an address, a user name and a password, seeded from GOLESTAN_* at first start. */
export const GOLESTAN_CONNECTION: readonly ConnectionField[] = [
  { name: 'baseUrl', kind: 'url', isRequired: true, env: 'GOLESTAN_BASE_URL' },
  { name: 'username', kind: 'text', isRequired: true, env: 'GOLESTAN_USERNAME' },
  { name: 'password', kind: 'secret', isRequired: true, isNeededForTest: true, env: 'GOLESTAN_PASSWORD' },
];
