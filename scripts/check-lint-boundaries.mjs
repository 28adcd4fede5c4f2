// Part of `npm run lint`: proves the import boundaries in eslint.config.mjs still bite. Each case lints a small
// snippet as if it were the named file; deleting or loosening a rule makes a case fail here.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('..', import.meta.url));

/** [file the snippet pretends to be, the import, whether no-restricted-imports must report it] */
const CASES = [
  ['backend/src/sync/sync.service.ts', '../sources/registry', true],
  ['backend/src/sync/worker/worker-process.ts', '../../sources/registry', true],
  ['backend/src/sync/connection-test.service.spec.ts', '../sources/registry', true],
  ['backend/src/common/sync-error.ts', '../sources/registry', true],
  ['backend/src/common/http/retry.ts', '../../sync/source-definition', true],
  ['backend/src/sources/students/students.source.ts', '@hamgam/stand-ins/dist/golestan/student-campuses', true],
  ['backend/src/sync/source-view.service.ts', '@hamgam/stand-ins', true],
  ['backend/src/sync/source-view.service.ts', '../demo/stand-ins', true],
  ['frontend/src/features/students/components/students-options-settings.tsx', '../../sync/api/get-sources', true],
  ['frontend/src/features/students/components/students-options-settings.test.tsx', '../../sync/api/get-sources', true],
  ['frontend/src/features/sync/api/get-sources.ts', '../../features/records/api/get-records', true],
  // What stays allowed.
  ['backend/src/sources/students/students.source.ts', '../../sync/source-definition', false],
  ['backend/src/sync/sync.service.ts', './source-catalog', false],
  ['backend/src/common/http/retry.ts', '../sync-error', false],
  ['backend/src/sync/connection-test.service.spec.ts', '@hamgam/stand-ins', false],
  ['backend/src/demo/stand-ins.ts', '@hamgam/stand-ins', false],
  ['backend/src/main.ts', './demo/stand-ins', false],
  ['frontend/src/features/students/components/students-options-settings.tsx', '../api/update-students-options', false],
  ['frontend/src/features/students/components/students-options-settings.tsx', '../../../lib/api-client', false],
];

const eslint = new ESLint({ cwd: root });
const failures = [];
for (const [filePath, from, isError] of CASES) {
  const code = `import * as imported from '${from}';\nexport const used = imported;\n`;
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  const reported = result.messages.some((message) => message.ruleId === 'no-restricted-imports');
  if (reported !== isError) failures.push(`${filePath} importing '${from}' should ${isError ? '' : 'not '}be a lint error`);
}
if (failures.length > 0) {
  console.error(`import boundaries:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`import boundaries: ${CASES.length} cases hold`);
