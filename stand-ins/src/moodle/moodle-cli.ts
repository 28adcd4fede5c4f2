#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { closeOnSignals, integerOption, runMain } from '../common/cli';
import { startMoodleStandIn } from './moodle-stand-in';

const USAGE = 'usage: node stand-ins/dist/moodle/moodle-cli.js [--port 3102] [--host 127.0.0.1] [--courses 12] [--users 60] [--seed 1]';

const toInteger = integerOption(USAGE);

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3102' },
      host: { type: 'string', default: '127.0.0.1' },
      courses: { type: 'string', default: '12' },
      users: { type: 'string', default: '60' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const moodle = await startMoodleStandIn({
    port: toInteger('port', values.port, 0),
    host: values.host,
    courses: toInteger('courses', values.courses, 0),
    users: toInteger('users', values.users, 1),
    seed: toInteger('seed', values.seed, 0),
  });
  console.log(`Moodle stand-in listening on ${moodle.url}`);
  console.log(`  MOODLE_BASE_URL=${moodle.url}`);
  console.log(`  MOODLE_TOKEN=${moodle.token}`);
  console.log(`  or MOODLE_USERNAME=${moodle.username} MOODLE_PASSWORD=${moodle.password} (services: ${moodle.services.join(', ')})`);
  console.log(`  faults: POST ${moodle.url}/__control/faults, stats: GET ${moodle.url}/__control/stats`);
  closeOnSignals(moodle);
};

runMain(main);
