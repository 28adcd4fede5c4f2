// `node --test scripts/image-steps/`: the Dockerfile reading and the deployment-file checks of scripts/image-steps.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkComposeFiles, checkDockerignore } from './deploy-files.mjs';
import { parseDockerfile } from './dockerfile.mjs';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

test('should join continued lines and read flags when a Dockerfile has them', () => {
  const { stages } = parseDockerfile(
    [
      'FROM node:20-slim AS build',
      'WORKDIR /app',
      '# a comment',
      'RUN --mount=type=cache,target=/root/.npm npm ci',
      'FROM node:20-slim',
      'HEALTHCHECK --interval=30s \\',
      '  CMD node -e "x"',
    ].join('\n'),
  );
  assert.deepEqual(
    stages.map((stage) => [stage.name, stage.workdir]),
    [
      ['build', '/app'],
      ['1', '/'],
    ],
  );
  assert.deepEqual(stages[0].instructions[1], {
    op: 'RUN',
    flags: { mount: 'type=cache,target=/root/.npm' },
    args: 'npm ci',
    line: 'RUN --mount=type=cache,target=/root/.npm npm ci',
  });
  assert.equal(stages[1].instructions[0].args, 'CMD node -e "x"');
  assert.equal(stages[1].instructions[0].flags.interval, '30s');
});

test('should find a slim Node 20 runtime stage, non-root, with a health check on $PORT when the real Dockerfile is read', () => {
  const runtime = parseDockerfile(read('docker/Dockerfile')).stages.at(-1);
  const byOp = (op) => runtime.instructions.filter((instruction) => instruction.op === op);
  assert.match(runtime.from, /^node:20(\.\d+)*-slim$/);
  assert.deepEqual(
    byOp('USER').map((instruction) => instruction.args),
    ['node'],
  );
  assert.match(byOp('HEALTHCHECK')[0].args, /^CMD .*http:\/\/127\.0\.0\.1:\$PORT\/api\/health/);
  assert.ok(byOp('RUN').some((instruction) => /^npm ci --omit=dev\b/.test(instruction.args)));
});

test('should pass the committed deployment files and name what is missing when an entry is taken out', () => {
  const dockerignore = read('.dockerignore');
  const compose = read('docker/compose.yaml');
  const nginx = read('docker/nginx.conf');
  assert.deepEqual(checkDockerignore(dockerignore), []);
  assert.deepEqual(checkComposeFiles(compose, nginx), []);
  assert.deepEqual(checkDockerignore(dockerignore.replace(/^\.git$/m, '')), ['.dockerignore must list .git']);
  assert.deepEqual(checkComposeFiles(compose, nginx.replace(/(location = \/api\/events \{[^}]*?)proxy_buffering off;/, '$1')), [
    'nginx.conf: /api/events (server-sent events) needs proxy_buffering off',
  ]);
  assert.deepEqual(checkComposeFiles(compose, nginx.replace('server app-2:3000', 'server app-3:3000')), ['nginx.conf: the upstream does not list app-2:3000']);
  assert.deepEqual(checkComposeFiles(compose.replace('image: postgres:15', 'image: postgres:14'), nginx), [
    'compose.yaml: a postgres service on PostgreSQL 15 or later is expected',
  ]);
  assert.deepEqual(checkComposeFiles(compose.replace(/^ {2}app-2:\n {4}<<: \*app\n/m, '  app-2:\n'), nginx), [
    'compose.yaml: two app replicas are expected, found 1',
  ]);
});
