#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startGolestanStandIn } from './golestan/golestan-stand-in';

const USAGE = 'usage: hamgam-stand-ins [--port 3101] [--host 127.0.0.1] [--faculty 240] [--campuses 16] [--students-per-campus 40] [--seed 1]';

const toInteger = (name: string, value: string, min: number): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be an integer >= ${min}, got "${value}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3101' },
      host: { type: 'string', default: '127.0.0.1' },
      faculty: { type: 'string', default: '240' },
      campuses: { type: 'string', default: '16' },
      'students-per-campus': { type: 'string', default: '40' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const standIn = await startGolestanStandIn({
    port: toInteger('port', values.port, 0),
    host: values.host,
    facultyCount: toInteger('faculty', values.faculty, 0),
    seed: toInteger('seed', values.seed, 0),
    students: { campusCount: toInteger('campuses', values.campuses, 1), studentsPerCampus: toInteger('students-per-campus', values['students-per-campus'], 0) },
  });
  console.log(`Golestan stand-in listening on ${standIn.url}`);
  console.log(`  GOLESTAN_BASE_URL=${standIn.url}`);
  console.log(`  GOLESTAN_USERNAME=${standIn.username}`);
  console.log(`  GOLESTAN_PASSWORD=${standIn.password}`);
  console.log(`  faults: POST ${standIn.url}/__control/faults, stats: GET ${standIn.url}/__control/stats`);

  const shutdown = (signal: string): void => {
    console.log(`${signal} received, closing`);
    standIn.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
