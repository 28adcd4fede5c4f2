import { fieldsException } from '../common/field-issues';
import { BadRequestException, Inject, Injectable, Logger } from '@nestjs/common';
import type { ConnectionTestResult, WorkerSettings } from '@hamgam/shared';
import { redactSecrets } from '../common/http/json-http-client';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from './source-catalog';
import type { TestConnectionDto } from './dto/update-source.dto';
import { checkConnectionUpdate, secretValues, type ConnectionField } from './settings/source-settings';
import { SourceSettingsService } from './source-settings.service';

// The whole test, however many calls the source makes; a person is waiting for it.
const TEST_LIMIT_MS = 30_000;
const MAX_MESSAGE_CHARS = 500;

/** Runs a source's own connection test with the settings an admin is editing, before they are saved. */
@Injectable()
export class ConnectionTestService {
  private readonly logger = new Logger(ConnectionTestService.name);

  constructor(
    private readonly sources: SourceSettingsService,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
  ) {}

  async test(sourceId: string, request: TestConnectionDto): Promise<ConnectionTestResult> {
    const entity = await this.sources.findEntity(sourceId);
    const testConnection = findSourceDefinition(this.catalog, sourceId)?.testConnection;
    if (!testConnection) {
      throw new BadRequestException({ message: `source "${sourceId}" cannot test its connection` });
    }
    const declared = this.sources.settingsOf(entity);
    const checked = checkConnectionUpdate(declared.connection, request.connection ?? {});
    if (!checked.ok) throw fieldsException(checked.fields);
    if (checked.value.baseUrl !== undefined) this.sources.assertAllowedBaseUrl(checked.value.baseUrl);
    const stored = this.sources.workerSettings(entity);
    const settings: WorkerSettings = { connection: mergeConnection(declared.connection, stored.connection, checked.value), options: stored.options };
    const { detail, ...result } = await testConnection(settings, AbortSignal.timeout(TEST_LIMIT_MS));
    const secrets = [settings.connection, stored.connection].flatMap((connection) => secretValues(declared.connection, connection));
    // Connectors keep secrets out of their messages; this is the second line, in case an upstream echoed one.
    const message = result.message === null ? null : redactSecrets(result.message, secrets).slice(0, MAX_MESSAGE_CHARS);
    // The answer is a summary; the server's log keeps the technical detail (status, error code, errno).
    if (!result.isOk)
      this.logger.warn(
        `connection test of ${sourceId} failed (${result.errorKind ?? 'unknown'}): ${message}${detail ? ` [${redactSecrets(detail, secrets)}]` : ''}`,
      );
    return { ...result, message };
  }
}

/**
 * The connection to test: what was sent, else what is stored. Stored secrets go only to the stored
 * address; with a new base URL they must be sent again, or a test could carry them to any server. An empty
 * secret sent means none (the admin is removing the stored one).
 */
export function mergeConnection(
  fields: readonly ConnectionField[],
  stored: WorkerSettings['connection'],
  sent: Record<string, string>,
): WorkerSettings['connection'] {
  const baseUrl = (sent.baseUrl ?? stored?.baseUrl ?? '').replace(/\/+$/, '');
  if (baseUrl === '') return null;
  const isStoredAddress = stored !== null && stored.baseUrl === baseUrl;
  const connection: NonNullable<WorkerSettings['connection']> = { baseUrl };
  for (const field of fields) {
    if (field.kind === 'url') continue;
    const kept = stored?.[field.name] ?? '';
    // A sent secret wins, an empty one included: that is the form's "remove the stored one", tested as none.
    if (sent[field.name] !== undefined) connection[field.name] = sent[field.name];
    else connection[field.name] = field.kind === 'secret' && !isStoredAddress ? '' : kept;
  }
  return connection;
}
