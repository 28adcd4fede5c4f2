import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { SettingChange, WorkerSettings } from '@hamgam/shared';
import { diffSettings } from '../audit/settings-diff';
import { fieldsException, throwIfIssues, type FieldIssues } from '../common/field-issues';
import { z } from 'zod';
import { SecretBox } from '../common/crypto/secret-box';
import { isAllowedUpstream, NOT_ALLOWED_HOST } from '../common/http/upstream';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { COMMAND_SETTINGS } from './command-sources.service';
import type { UpdateSourceDto } from './dto/update-source.dto';
import { SourceEntity } from './entities/source.entity';
import { changesTiming, mergeAutoSync, validateAutoSync } from './scheduler/auto-sync-rules';
import { scheduleColumnsOf, settingsOf as scheduleSettingsOf } from './scheduler/auto-sync-view';
import { SourceScheduleEntity } from './scheduler/source-schedule.entity';
import {
  checkConnectionUpdate,
  checkOptionsUpdate,
  optionDefaults,
  readDeclaredOptions,
  type ConnectionField,
  type SourceSettings,
} from './settings/source-settings';
import { isPerValueForm, openSecrets, sealSecrets, StoredSecretsError } from './settings/stored-secrets';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from './source-catalog';
import { deletionGuardOf } from './deletions/deletion-guard';

const NO_SETTINGS: SourceSettings = { connection: [], options: z.object({}) };

/** A source's stored settings: checked against what the source declares, saved, and read back for a run. */
@Injectable()
export class SourceSettingsService {
  private readonly logger = new Logger(SourceSettingsService.name);

  constructor(
    @InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>,
    @InjectRepository(SourceScheduleEntity) private readonly schedules: Repository<SourceScheduleEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
    private readonly secrets: SecretBox,
  ) {}

  async findEntity(id: string): Promise<SourceEntity> {
    const entity = await this.sources.findOneBy({ id });
    if (!entity) throw new NotFoundException(`source "${id}" does not exist`);
    return entity;
  }

  /** What a source declares: its definition's settings, or the command sources' fixed connection. */
  settingsOf(entity: SourceEntity): SourceSettings {
    return findSourceDefinition(this.catalog, entity.id)?.settings ?? (entity.kind === 'command' ? COMMAND_SETTINGS : NO_SETTINGS);
  }

  /** The columns a connection is kept in: the address, the other plain fields, the secrets sealed as one. */
  storedConnection(
    fields: readonly ConnectionField[],
    connection: Record<string, string | undefined> | null,
  ): Pick<SourceEntity, 'baseUrl' | 'connectionFields' | 'secrets'> {
    const connectionFields: Record<string, string> = {};
    const secrets: Record<string, string> = {};
    for (const field of fields) {
      const value = connection?.[field.name];
      if (field.kind === 'url' || !value) continue;
      if (field.kind === 'secret') secrets[field.name] = value;
      else connectionFields[field.name] = value;
    }
    return { baseUrl: connection?.baseUrl?.replace(/\/+$/, '') || null, connectionFields, secrets: sealSecrets(this.secrets, secrets) };
  }

  /**
   * Checks every part sent before anything is stored (400 naming each refused field), then saves the source and
   * its schedule. Answers the saved row and what changed (empty when nothing did); the caller builds what clients
   * see, once.
   */
  async update(id: string, dto: UpdateSourceDto): Promise<{ after: SourceEntity; changes: Record<string, SettingChange> }> {
    const entity = await this.findEntity(id);
    const declared = this.settingsOf(entity);
    const stored = await this.schedules.findOneBy({ sourceId: id });
    const before = this.snapshot(entity, declared, stored);
    const schedule = dto.autoSync ? this.nextSchedule(entity, stored, dto.autoSync) : null;
    const fields: FieldIssues = {};
    let options: Record<string, unknown> | undefined;
    if (dto.options !== undefined) {
      const checked = checkOptionsUpdate(declared, entity.options, dto.options);
      if (checked.ok) options = checked.value;
      else Object.assign(fields, checked.fields);
    }
    let connection: Record<string, string> | undefined;
    if (dto.connection !== undefined) {
      const checked = checkConnectionUpdate(declared.connection, dto.connection);
      if (checked.ok) connection = checked.value;
      else Object.assign(fields, checked.fields);
    }
    if (dto.deletionGuard !== undefined && !findSourceDefinition(this.catalog, id)?.loadDeletionApplier) {
      fields.deletionGuard = [{ code: 'noDeletions', message: `source "${id}" deletes nothing: it has no deletion guard` }];
    }
    throwIfIssues(fields);
    if (connection) this.checkConnectionChange(entity, declared, connection);
    if (options) entity.options = { ...entity.options, ...options };
    if (dto.enabled !== undefined) entity.enabled = dto.enabled;
    if (dto.timeoutSeconds !== undefined) entity.timeoutSeconds = dto.timeoutSeconds;
    if (dto.freshness?.maxAgeSeconds !== undefined) entity.freshnessMaxAgeSeconds = dto.freshness.maxAgeSeconds;
    if (dto.deletionGuard !== undefined) {
      const { maxPercent, maxCount } = dto.deletionGuard;
      const current = deletionGuardOf(entity.deletionGuard);
      entity.deletionGuard = {
        maxPercent: maxPercent === undefined ? current.maxPercent : maxPercent,
        maxCount: maxCount === undefined ? current.maxCount : maxCount,
      };
    }
    if (connection) this.applyConnection(entity, declared, connection);
    entity.updatedAt = new Date().toISOString();
    await this.sources.save(entity);
    if (schedule) await this.schedules.save(schedule);
    const secretPaths = declared.connection.filter((field) => field.kind === 'secret').map((field) => `connection.${field.name}`);
    return { after: entity, changes: diffSettings(before, this.snapshot(entity, declared, schedule ?? stored), secretPaths) };
  }

  /**
   * Every setting an admin can change, for the audit diff. A secret appears as its value, held only in memory here:
   * `diffSettings` records only that it changed, never the value. A quiet window is always an object, so adding one
   * reads as its start, end and days set; so is the in-term interval (its every and unit).
   */
  private snapshot(entity: SourceEntity, declared: SourceSettings, schedule: SourceScheduleEntity | null) {
    const connection: Record<string, string | null> = { baseUrl: entity.baseUrl };
    const secrets = this.editableSecrets(entity);
    for (const field of declared.connection) {
      if (field.kind === 'secret') connection[field.name] = secrets[field.name] ?? null;
      else if (field.kind === 'text') connection[field.name] = entity.connectionFields[field.name] ?? null;
    }
    const { quietWindow, inTerm, ...autoSync } = scheduleSettingsOf(schedule);
    return {
      enabled: entity.enabled,
      timeoutSeconds: entity.timeoutSeconds,
      freshness: { maxAgeSeconds: entity.freshnessMaxAgeSeconds },
      deletionGuard: deletionGuardOf(entity.deletionGuard),
      autoSync: { ...autoSync, quietWindow: quietWindow ?? { start: null, end: null, days: [] }, inTerm: inTerm ?? { every: null, unit: null } },
      options: { ...optionDefaults(declared), ...entity.options },
      connection,
    };
  }

  private applyConnection(entity: SourceEntity, declared: SourceSettings, sent: Record<string, string>): void {
    const isSecretSent = declared.connection.some((field) => field.kind === 'secret' && sent[field.name] !== undefined);
    // A new address reseals too: secrets this key cannot read must not reach it if the old key comes back.
    const isResealed = isSecretSent || (sent.baseUrl !== undefined && sent.baseUrl !== entity.baseUrl);
    const secrets = isResealed ? this.editableSecrets(entity) : {};
    const plain = { ...entity.connectionFields };
    for (const field of declared.connection) {
      const value = sent[field.name];
      if (value === undefined) continue;
      if (field.kind === 'url') entity.baseUrl = value;
      else if (field.kind === 'secret' && value === '') delete secrets[field.name];
      else if (field.kind === 'secret') secrets[field.name] = value;
      else plain[field.name] = value;
    }
    // Otherwise left as stored, so saving the user name keeps unreadable secrets for a restored key.
    if (isResealed) entity.secrets = sealSecrets(this.secrets, secrets);
    entity.connectionFields = plain;
  }

  /** 400 with a `connection.baseUrl` error when UPSTREAM_ALLOWED_HOSTS is set and the address's host is not on it. */
  assertAllowedBaseUrl(baseUrl: string): void {
    if (isAllowedUpstream(baseUrl, this.config.upstreamAllowedHosts)) return;
    throw fieldsException({ 'connection.baseUrl': [{ code: 'hostNotAllowed', message: NOT_ALLOWED_HOST }] });
  }

  /**
   * A new address must be on the allow-list, and a stored secret is never carried to it: the admin enters each
   * stored secret again (or sends it empty to remove it), else 400 naming it and nothing is saved.
   */
  private checkConnectionChange(entity: SourceEntity, declared: SourceSettings, sent: Record<string, string>): void {
    if (sent.baseUrl === undefined) return;
    this.assertAllowedBaseUrl(sent.baseUrl);
    if (sent.baseUrl === entity.baseUrl) return;
    const fields: FieldIssues = {};
    const stored = this.storedSecretNames(entity);
    for (const field of declared.connection) {
      if (field.kind !== 'secret' || !stored.has(field.name) || sent[field.name] !== undefined) continue;
      const message = `the address changed: enter the ${field.name} again (a stored ${field.name} is sent only to the address it was saved for)`;
      fields[`connection.${field.name}`] = [{ code: 'secretAgain', params: { field: field.name }, message }];
    }
    throwIfIssues(fields);
  }

  /** The schedule row an auto-sync update would store; a 400 naming the fields when the settings are refused. */
  private nextSchedule(entity: SourceEntity, stored: SourceScheduleEntity | null, patch: NonNullable<UpdateSourceDto['autoSync']>): SourceScheduleEntity {
    const now = new Date();
    const current = scheduleSettingsOf(stored);
    const quietWindow = patch.quietWindow && { start: patch.quietWindow.start, end: patch.quietWindow.end, days: [...patch.quietWindow.days].sort() };
    const sent = { ...patch, ...(patch.quietWindow === undefined ? {} : { quietWindow }) };
    const next = mergeAutoSync(current, sent);
    const fields = validateAutoSync(sent, next, {
      limits: { minIntervalSeconds: this.config.minSyncIntervalSeconds, timeZone: this.config.universityTimeZone },
      modes: findSourceDefinition(this.catalog, entity.id)?.modes ?? [],
      now,
    });
    throwIfIssues(fields);
    const isSwitchedOn = next.enabled && !current.enabled;
    return this.schedules.create({
      failures: 0,
      pausedAt: null,
      nextRunAt: null,
      ...stored,
      ...scheduleColumnsOf(next),
      sourceId: entity.id,
      since: !stored || changesTiming(current, next) ? now.toISOString() : stored.since,
      // Switching a schedule on starts afresh: no back-off, no pause carried over from before.
      ...(isSwitchedOn ? { failures: 0, pausedAt: null } : {}),
      updatedAt: now.toISOString(),
    });
  }

  /**
   * What a run of this source needs, its secrets decrypted (StoredSecretsError when they cannot be). Never leaves
   * the server but to the child. The options are read here by the declaration, each stored value it refuses replaced
   * by its default and named to `warn` (the run's log), so the worker loads no declaration.
   */
  workerSettings(entity: SourceEntity, warn: (message: string) => void = () => undefined): WorkerSettings {
    const declared = this.settingsOf(entity);
    let connection: WorkerSettings['connection'] = null;
    if (entity.baseUrl) {
      const secrets = openSecrets(this.secrets, entity.secrets);
      connection = { baseUrl: entity.baseUrl };
      for (const field of declared.connection) {
        if (field.kind === 'url') continue;
        connection[field.name] = (field.kind === 'secret' ? secrets[field.name] : entity.connectionFields[field.name]) ?? '';
      }
    }
    return { connection, options: readDeclaredOptions(declared, entity.options, warn) };
  }

  /**
   * Rows still in the per-value form the declared-connection migration wrote (it runs without the key) are sealed
   * as one ciphertext at start-up. A row this key cannot open is left as it was, logged: `openSecrets` still reads
   * that form, and a restored key upgrades it at the next start.
   */
  async sealPerValueSecrets(): Promise<void> {
    for (const entity of await this.sources.find({ select: { id: true, secrets: true } })) {
      if (!isPerValueForm(entity.secrets)) continue;
      try {
        await this.sources.update({ id: entity.id }, { secrets: sealSecrets(this.secrets, openSecrets(this.secrets, entity.secrets)) });
      } catch (error) {
        if (!(error instanceof StoredSecretsError)) throw error;
        this.logger.error(`source ${entity.id}: ${error.message}; left in the per-value form`);
      }
    }
  }

  /** The names of the secrets stored for this source (for `has<Field>` and the new-address rule), never a value. */
  storedSecretNames(entity: SourceEntity): Set<string> {
    return new Set(Object.keys(this.editableSecrets(entity)));
  }

  /**
   * The stored secrets to show and edit. Ones this server cannot read (another key, a changed value) count as none,
   * logged: the admin can still see the source and enter them again, and a run still refuses them clearly.
   */
  private editableSecrets(entity: SourceEntity): Record<string, string> {
    try {
      return openSecrets(this.secrets, entity.secrets);
    } catch (error) {
      if (!(error instanceof StoredSecretsError)) throw error;
      this.logger.error(`source ${entity.id}: ${error.message}; they count as not stored until entered again`);
      return {};
    }
  }
}
