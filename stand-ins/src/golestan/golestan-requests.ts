import { isRecord } from '../common/json-http';
import { parseTermCode } from './students-generator';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export type LoginRequest = { userName: string; password: string };
export type PageRequest = { pageNumber: number; pageSize: number };
export type StudentsRequest = { codePardis: string; term: string; paging: PageRequest };

const isPositiveInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;

const pageErrors = (value: Record<string, unknown>, prefix: string): string[] => [
  ...(isPositiveInteger(value.pageNumber) ? [] : [`${prefix}pageNumber must be an integer >= 1`]),
  ...(isPositiveInteger(value.pageSize) ? [] : [`${prefix}pageSize must be an integer >= 1`]),
];

export const parseLoginRequest = (body: unknown): Parsed<LoginRequest> => {
  if (!isRecord(body)) return { ok: false, errors: ['body must be a JSON object'] };
  const errors = [
    ...(typeof body.userName === 'string' ? [] : ['userName must be a string']),
    ...(typeof body.password === 'string' ? [] : ['password must be a string']),
  ];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: body as LoginRequest };
};

export const parseFacultyRequest = (body: unknown): Parsed<PageRequest> => {
  if (!isRecord(body)) return { ok: false, errors: ['body must be a JSON object'] };
  const errors = pageErrors(body, '');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: body as PageRequest };
};

// The gateway takes both codes as strings; a number here means the client
// serialises them wrongly, so it is refused rather than coerced.
export const parseStudentsRequest = (body: unknown): Parsed<StudentsRequest> => {
  if (!isRecord(body)) return { ok: false, errors: ['body must be a JSON object'] };
  const errors: string[] = [];
  if (typeof body.codePardis !== 'string' || !/^\d+$/.test(body.codePardis)) {
    errors.push('codePardis must be a string of digits');
  }
  if (typeof body.term !== 'string' || parseTermCode(body.term) === null) {
    errors.push('term must be a string like "4021" (last three digits of the Jalali year + term 1-3)');
  }
  if (!isRecord(body.paging)) errors.push('paging must be an object {pageNumber, pageSize}');
  else errors.push(...pageErrors(body.paging, 'paging.'));
  if (body.Filter !== undefined && !isRecord(body.Filter)) errors.push('Filter must be an object');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: body as StudentsRequest };
};
