import { COUNT_KEYS, ERROR_KINDS, LOG_LEVELS, type RunCounts, type WorkerMessage } from '@hamgam/shared';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCounts = (value: unknown): value is RunCounts =>
  isObject(value) && COUNT_KEYS.every((key) => Number.isInteger(value[key]) && (value[key] as number) >= 0);
const isOptionalNumber = (value: unknown) => value === undefined || (typeof value === 'number' && Number.isFinite(value));
const isOptionalCount = (value: unknown) => value === undefined || (Number.isInteger(value) && (value as number) >= 0);

const isOptionalText = (value: unknown) => value === undefined || typeof value === 'string';
const isParams = (value: unknown) =>
  value === undefined ||
  (isObject(value) && !Array.isArray(value) && Object.values(value).every((param) => typeof param === 'string' || typeof param === 'number'));
const isRejection = (item: unknown) =>
  isObject(item) &&
  typeof item.key === 'string' &&
  typeof item.code === 'string' &&
  /^[a-z][a-z0-9_]{0,63}$/.test(item.code) &&
  isParams(item.params) &&
  isOptionalText(item.term) &&
  isOptionalText(item.table);

/** The parent trusts nothing a child sends: each message is checked against the shared union. */
export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'started':
      return true;
    case 'progress':
      return (
        typeof value.stage === 'string' &&
        Number.isInteger(value.processed) &&
        isOptionalNumber(value.percent) &&
        isOptionalNumber(value.total) &&
        isCounts(value.counts) &&
        (value.messageKey === undefined || typeof value.messageKey === 'string') &&
        (value.messageParams === undefined || isObject(value.messageParams))
      );
    case 'log':
      return typeof value.message === 'string' && (LOG_LEVELS as readonly unknown[]).includes(value.level);
    case 'rejected':
      return Array.isArray(value.items) && value.items.every(isRejection);
    case 'finished':
      return isCounts(value.counts) && isOptionalCount(value.retries) && isOptionalCount(value.heldDeletions);
    case 'failed':
      return (
        (ERROR_KINDS as readonly unknown[]).includes(value.kind) &&
        typeof value.message === 'string' &&
        (value.counts === undefined || isCounts(value.counts)) &&
        isOptionalCount(value.retries)
      );
    default:
      return false;
  }
}
