import { Logger } from '@nestjs/common';
import { startGolestanStandIn } from '@hamgam/stand-ins';
import type { AppConfig } from './config/config';
import { LEGACY_FACULTY_SEED } from './sources/command/legacy-faculty.seed';
import type { StandInConnections } from './sync/stand-in-connections';

/** The out-of-the-box demo: the stand-in gateway on a fixed port, so stored settings stay valid across restarts. */
export async function startStandIns(config: AppConfig): Promise<{ connections: StandInConnections; close: () => Promise<void> }> {
  const golestan = await startGolestanStandIn({ port: config.standInGolestanPort });
  new Logger('StandIns').log(`stand-in gateway on ${golestan.url}`);
  const connection = { baseUrl: golestan.url, username: golestan.username, password: golestan.password };
  return {
    connections: { faculty: connection, [LEGACY_FACULTY_SEED.id]: connection },
    close: () => golestan.close(),
  };
}
