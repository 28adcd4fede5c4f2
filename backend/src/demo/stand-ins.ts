import { Logger } from '@nestjs/common';
import { DEFAULT_STUDENT_CAMPUSES, isValidNationalCode, startCrmStandIn, startGolestanStandIn, startMoodleStandIn } from '@hamgam/stand-ins';
import { toAsciiDigits } from '../common/text/clean-text';
import type { AppConfig } from '../config/config';
import { LEGACY_FACULTY_SEED } from '../sources/command/legacy-faculty.seed';
import type { SeedConnection, SourceSeeds } from '../sync/source-seeds';

// The out-of-the-box demo (STAND_INS on): the only production-side code that knows the stand-in upstreams.
// main.ts starts it; the sync core only ever sees the seeds it returns.

/** The stand-in gateway, Moodle and CRM on fixed ports, so stored settings stay valid across restarts. */
export async function startStandIns(config: AppConfig): Promise<{ seeds: SourceSeeds; close: () => Promise<void> }> {
  const golestan = await startGolestanStandIn({ port: config.standInGolestanPort });
  new Logger('StandIns').log(`stand-in gateway on ${golestan.url}`);
  const connection = { baseUrl: golestan.url, username: golestan.username, password: golestan.password };
  // Teachers of the demo Moodle carry real national codes of the demo gateway, so the Moodle run can match them.
  const facultyCodes = golestan.faculty
    .list()
    .map((member) => toAsciiDigits(String(member.nationalcode ?? '')))
    .filter(isValidNationalCode);
  const moodle = await startMoodleStandIn({ port: config.standInMoodlePort, teacherIdnumbers: facultyCodes.slice(0, 12) });
  new Logger('StandIns').log(`stand-in Moodle on ${moodle.url}`);
  const crm = await startCrmStandIn({ port: config.standInCrmPort });
  new Logger('StandIns').log(`stand-in CRM on ${crm.url}`);
  return {
    seeds: standInSeeds({
      faculty: connection,
      students: connection,
      [LEGACY_FACULTY_SEED.id]: connection,
      moodle: { baseUrl: moodle.url, username: '', password: '', token: moodle.token },
      crm: { baseUrl: crm.url, username: crm.username, password: crm.password },
    }),
    close: async () => {
      await Promise.all([golestan.close(), moodle.close(), crm.close()]);
    },
  };
}

/**
 * What a first start stores for sources pointed at stand-ins: their connections, the stand-in gateway's
 * campuses for the students source (a real university types its own), and the legacy script as a command source.
 */
export function standInSeeds(connections: Record<string, SeedConnection>): SourceSeeds {
  const legacy = connections[LEGACY_FACULTY_SEED.id];
  return {
    connections,
    options: connections.students ? { students: { campuses: DEFAULT_STUDENT_CAMPUSES.map((campus) => ({ ...campus })) } } : {},
    commandSources: legacy ? [LEGACY_FACULTY_SEED] : [],
  };
}
