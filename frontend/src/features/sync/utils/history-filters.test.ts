import { describe, expect, it } from 'vitest';
import { historyExportUrl, historySearchParams, parseHistoryFilters, toRunListQuery } from './history-filters';

describe('history filters', () => {
  it('should read the same filters back when they are written to the URL', () => {
    const filters = {
      sourceId: 'faculty',
      status: 'failed' as const,
      trigger: 'manual' as const,
      triggeredBy: 'sara',
      fromDate: '2026-11-01',
      toDate: '2026-11-23',
      q: '503',
      sort: 'durationMs' as const,
      order: 'asc' as const,
      page: 3,
    };
    expect(parseHistoryFilters(historySearchParams(filters))).toEqual(filters);
  });

  it('should drop malformed values when a link was edited by hand', () => {
    expect(parseHistoryFilters(new URLSearchParams('status=bogus&from=1405/09/01&page=-2&sort=colour'))).toEqual({
      sourceId: undefined,
      status: undefined,
      trigger: undefined,
      triggeredBy: undefined,
      fromDate: undefined,
      toDate: undefined,
      q: undefined,
      sort: undefined,
      order: undefined,
      page: 1,
    });
  });

  it('should cover whole Tehran days when local dates become instants', () => {
    const query = toRunListQuery({ fromDate: '2026-11-23', toDate: '2026-11-23', page: 1 });
    expect(query.from).toBe('2026-11-22T20:30:00.000Z');
    expect(query.to).toBe('2026-11-23T20:30:00.000Z');
  });

  it('should carry the filters and the UI language but not the page when the export URL is built', () => {
    expect(historyExportUrl('csv', { status: 'failed', page: 4 }, 'en')).toBe('/api/runs/export.csv?status=failed&lang=en');
    expect(historyExportUrl('xlsx', { page: 1 }, 'fa-IR')).toBe('/api/runs/export.xlsx?lang=fa');
  });
});
