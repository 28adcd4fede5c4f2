// `npm test`: type checks, lint and formatting, a build, then every tier — unit, image steps (docker/Dockerfile without
// Docker), integration, e2e in Chromium.
// Each tier's runner writes a JSON report; the last line sums them up ("Total: N passed, N failed").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { checkPostgres, dropLeftovers, postgresJestArgs, postgresPassEnv, printPending } from './integration-postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0 };
const failedSteps = [];

function run(label, command, args, { cwd = root, env = {}, report } = {}) {
  const started = Date.now();
  console.log(`\n=== ${label}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (report) count(report);
  if (result.status !== 0) failedSteps.push(label);
  console.log(`=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} (${seconds} s)`);
  return result.status === 0;
}

function count(report) {
  if (!existsSync(report.file)) return;
  const data = JSON.parse(readFileSync(report.file, 'utf8'));
  if (report.kind === 'jest') {
    totals.passed += data.numPassedTests;
    totals.failed += data.numFailedTests;
  } else if (report.kind === 'playwright') {
    totals.passed += data.stats.expected + (data.stats.flaky ?? 0);
    totals.failed += data.stats.unexpected;
  }
}

const jestReport = (name) => ({ kind: 'jest', file: join(reports, `${name}.json`) });
const jestArgs = (name) => ['--ci', '--json', `--outputFile=${join(reports, `${name}.json`)}`];

const ok =
  run('type checks', 'npm', ['run', 'typecheck']) &&
  run('lint', 'npm', ['run', 'lint']) &&
  run('format', 'npm', ['run', 'format:check']) &&
  run('build', 'npm', ['run', 'build']);

if (ok) {
  run('unit: stand-ins', 'npx', ['jest', ...jestArgs('stand-ins')], { cwd: join(root, 'stand-ins'), report: jestReport('stand-ins') });
  run('unit: backend', 'npx', ['jest', '--selectProjects', 'unit', ...jestArgs('backend-unit')], {
    cwd: join(root, 'backend'),
    report: jestReport('backend-unit'),
  });
  // Vitest's JSON reporter writes jest's format.
  run('unit: frontend', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'frontend.json')}`], {
    cwd: join(root, 'frontend'),
    report: jestReport('frontend'),
  });
  // docker/Dockerfile's runtime stage without Docker: production install in a scratch folder, start, health check.
  run('image steps: checks', 'node', ['--test', 'scripts/image-steps/']);
  run('image steps: Dockerfile without Docker', 'node', ['scripts/image-steps.mjs']);
  run('integration: backend on SQLite', 'npx', ['jest', '--selectProjects', 'integration', ...jestArgs('backend-int')], {
    cwd: join(root, 'backend'),
    env: { TEST_POSTGRES_URL: '' },
    report: jestReport('backend-int'),
  });
  // The same tier again on PostgreSQL (a throwaway database per test app); no server is a failure, not a skip.
  const postgres = await checkPostgres();
  if (postgres.ok) {
    printPending();
    const env = postgresPassEnv();
    run('integration: backend on PostgreSQL', 'npx', ['jest', ...postgresJestArgs(), ...jestArgs('backend-int-pg')], {
      cwd: join(root, 'backend'),
      env,
      report: jestReport('backend-int-pg'),
    });
    await dropLeftovers(env.TEST_POSTGRES_PREFIX);
  } else {
    console.error(`\n=== integration on PostgreSQL: cannot run — ${postgres.reason}`);
    failedSteps.push('integration on PostgreSQL: no server');
  }
  const chromium = ensureChromium();
  if (chromium.ok) {
    run('e2e: Chromium', 'npx', ['playwright', 'test'], {
      cwd: join(root, 'e2e'),
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e.json') },
      report: { kind: 'playwright', file: join(reports, 'e2e.json') },
    });
  } else {
    console.error(`\n=== e2e: cannot run — ${chromium.reason}`);
    failedSteps.push('e2e: Chromium missing');
  }
}

console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`Total: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
