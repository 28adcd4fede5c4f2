import dayjs from 'dayjs';
import {
  RUN_SORT_FIELDS,
  RUN_STATUSES,
  RUN_TRIGGERS,
  type RunListQuery,
  type RunSortField,
  type RunStatus,
  type RunTrigger,
  type SortOrder,
} from '@hamgam/shared';
import { toLanguage } from '../../../lib/i18n';

export const HISTORY_PAGE_SIZE = 25;

/** The history's view as the URL holds it; dates are local days as Gregorian ISO dates. */
export type HistoryFilters = {
  sourceId?: string;
  status?: RunStatus;
  trigger?: RunTrigger;
  triggeredBy?: string;
  fromDate?: string;
  toDate?: string;
  q?: string;
  sort?: RunSortField;
  order?: SortOrder;
  page: number;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Reads filters from the URL, dropping whatever is malformed (a hand-edited link still opens). */
export function parseHistoryFilters(params: URLSearchParams): HistoryFilters {
  const page = Number(params.get('page'));
  const date = (name: string) => {
    const value = params.get(name);
    return value && ISO_DATE.test(value) ? value : undefined;
  };
  return {
    sourceId: text(params.get('source')),
    status: oneOf(RUN_STATUSES, params.get('status')),
    trigger: oneOf(RUN_TRIGGERS, params.get('trigger')),
    triggeredBy: text(params.get('by')),
    fromDate: date('from'),
    toDate: date('to'),
    q: text(params.get('q')),
    sort: oneOf(RUN_SORT_FIELDS, params.get('sort')),
    order: oneOf(['asc', 'desc'] as const, params.get('order')),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function historySearchParams(filters: HistoryFilters): URLSearchParams {
  const entries: [string, string | undefined][] = [
    ['source', filters.sourceId],
    ['status', filters.status],
    ['trigger', filters.trigger],
    ['by', filters.triggeredBy],
    ['from', filters.fromDate],
    ['to', filters.toDate],
    ['q', filters.q],
    ['sort', filters.sort],
    ['order', filters.order],
    ['page', filters.page > 1 ? String(filters.page) : undefined],
  ];
  return new URLSearchParams(entries.filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The API query: local days become instants, the range's last day included whole. */
export function toRunListQuery(filters: HistoryFilters): RunListQuery {
  return {
    sourceId: filters.sourceId,
    status: filters.status,
    trigger: filters.trigger,
    triggeredBy: filters.triggeredBy,
    from: filters.fromDate ? dayjs(filters.fromDate).startOf('day').toISOString() : undefined,
    to: filters.toDate ? dayjs(filters.toDate).add(1, 'day').startOf('day').toISOString() : undefined,
    q: filters.q,
    sort: filters.sort,
    order: filters.order,
    page: filters.page,
    pageSize: HISTORY_PAGE_SIZE,
  };
}

/** The export of exactly the filtered history (no paging), written in the UI's language (the server keeps none per user). */
export function historyExportUrl(format: 'csv' | 'xlsx', filters: HistoryFilters, lng: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(toRunListQuery(filters))) {
    if (value !== undefined && key !== 'page' && key !== 'pageSize') params.set(key, String(value));
  }
  params.set('lang', toLanguage(lng));
  return `/api/runs/export.${format}?${params.toString()}`;
}
