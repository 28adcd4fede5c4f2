#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { closeOnSignals, integerOption, runMain } from './common/cli';
import { startGolestanStandIn } from './golestan/golestan-stand-in';

const USAGE = 'usage: hamgam-stand-ins [--port 3101] [--host 127.0.0.1] [--faculty 240] [--campuses 16] [--students-per-campus 40] [--seed 1]';

const toInteger = integerOption(USAGE);

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

  closeOnSignals(standIn);
};

runMain(main);
