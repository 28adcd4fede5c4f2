import { Logger } from '@nestjs/common';
import { isValidNationalCode, startGolestanStandIn, startMoodleStandIn } from '@hamgam/stand-ins';
import { toAsciiDigits } from './common/text/clean-text';
import type { AppConfig } from './config/config';
import { LEGACY_FACULTY_SEED } from './sources/command/legacy-faculty.seed';
import type { StandInConnections } from './sync/stand-in-connections';

/** The out-of-the-box demo: the stand-in gateway and Moodle on fixed ports, so stored settings stay valid across restarts. */
export async function startStandIns(config: AppConfig): Promise<{ connections: StandInConnections; close: () => Promise<void> }> {
  const golestan = await startGolestanStandIn({ port: config.standInGolestanPort });
  new Logger('StandIns').log(`stand-in gateway on ${golestan.url}`);
  const connection = { baseUrl: golestan.url, username: golestan.username, password: golestan.password };
  // Teachers of the demo Moodle carry real national codes of the demo gateway, so the Moodle run can match them.
  const facultyCodes = golestan.faculty.list().map((member) => toAsciiDigits(String(member.nationalcode ?? ''))).filter(isValidNationalCode);
  const moodle = await startMoodleStandIn({ port: config.standInMoodlePort, teacherIdnumbers: facultyCodes.slice(0, 12) });
  new Logger('StandIns').log(`stand-in Moodle on ${moodle.url}`);
  return {
    connections: {
      faculty: connection,
      students: connection,
      [LEGACY_FACULTY_SEED.id]: connection,
      moodle: { baseUrl: moodle.url, username: '', password: '', token: moodle.token },
    },
    close: async () => {
      await Promise.all([golestan.close(), moodle.close()]);
    },
  };
}
