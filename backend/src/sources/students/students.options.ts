import type { FieldProblem, StudentCampus } from '@hamgam/shared';
import { z } from 'zod';
import { defineSourceSettings, readDeclaredOptions } from '../../sync/settings/source-settings';
import { GOLESTAN_CONNECTION } from '../golestan/golestan.settings';
import { cleanPersianText, toAsciiDigits } from '../../common/text/clean-text';
import { MAX_YEARS, resolveStudentsYears, type DeclaredStudentsOptions, type ResolvedStudentsOptions } from './students.years';

const MAX_CAMPUSES = 1000;

const whole = (min: number, max: number, fallback: number, labelKey: string) => z.number().int().min(min).max(max).default(fallback).meta({ labelKey });
// Absent or null: four years back to the current Jalali year.
const year = (labelKey: string) => z.number().int().min(1300).max(1500).nullable().optional().meta({ labelKey, isCustom: true });

export const studentsOptionsSchema = z
  .object({
    // The gateway cannot list its campuses: the old script kept them in a local table. The list starts empty and
    // is typed per university; the demo seeds the stand-in gateway's. Edited on the source's own tab.
    campuses: z
      .unknown()
      .transform((value, ctx) => {
        const campuses = readCampuses(value);
        if (!('problem' in campuses)) return campuses;
        ctx.addIssue({ code: 'custom', message: `campuses ${campuses.message}`, params: campuses.problem });
        return z.NEVER;
      })
      .default([])
      .meta({ labelKey: 'options.campuses', isCustom: true }),
    fromYear: year('options.fromYear'),
    toYear: year('options.toYear'),
    concurrency: whole(1, 16, 4, 'options.concurrency'),
    pageSize: whole(1, 10_000, 500, 'options.pageSize'),
    requestTimeoutMs: whole(1_000, 600_000, 30_000, 'options.requestTimeoutMs'),
    maxRetries: whole(0, 10, 4, 'options.maxRetries'),
    retryBaseMs: whole(0, 60_000, 500, 'options.retryBaseMs'),
  })
  .superRefine(({ fromYear, toYear }, ctx) => {
    if (typeof fromYear === 'number' && typeof toYear === 'number' && (fromYear > toYear || toYear - fromYear >= MAX_YEARS)) {
      ctx.addIssue({
        code: 'custom',
        path: ['toYear'],
        message: `toYear must be from fromYear to ${MAX_YEARS - 1} years after it`,
        params: { code: 'yearRange', params: { years: MAX_YEARS - 1 } },
      });
    }
  });

export const studentsSettings = defineSourceSettings({ connection: GOLESTAN_CONNECTION, options: studentsOptionsSchema });

/**
 * What a run uses: every option checked, the years resolved against `now`; a bad stored value falls back with a
 * warning. The API side (test connection); a worker gets the options read already and resolves only the years.
 */
export function readStudentsOptions(raw: Record<string, unknown>, now: Date, warn: (message: string) => void = () => undefined): ResolvedStudentsOptions {
  return resolveStudentsYears(readDeclaredOptions(studentsSettings, raw, warn) as DeclaredStudentsOptions, now, warn);
}

type CampusesRefused = { message: string; problem: FieldProblem };

// The codes are the settings form's own (`badCode`, `noName`, `duplicate` with the line), so a refusal reads the same.
function readCampuses(value: unknown): StudentCampus[] | CampusesRefused {
  if (!Array.isArray(value) || value.length > MAX_CAMPUSES) {
    return { message: `must be a list of at most ${MAX_CAMPUSES} {code, name}`, problem: { code: 'campusList', params: { max: MAX_CAMPUSES } } };
  }
  const campuses: StudentCampus[] = [];
  const refuse = (index: number, code: string, message: string): CampusesRefused => ({
    message: `item ${index + 1}: ${message}`,
    problem: { code: `campus.${code}`, params: { line: index + 1 } },
  });
  for (const [index, item] of value.entries()) {
    const { code, name } = (typeof item === 'object' && item !== null ? item : {}) as { code?: unknown; name?: unknown };
    const cleanCode = typeof code === 'string' || typeof code === 'number' ? toAsciiDigits(String(code)).trim() : '';
    if (!/^\d{1,10}$/.test(cleanCode)) return refuse(index, 'badCode', 'the code must be 1–10 digits');
    if (typeof name !== 'string' || cleanPersianText(name) === '' || name.length > 200) return refuse(index, 'noName', 'the name must be 1–200 characters');
    if (campuses.some((campus) => campus.code === cleanCode)) return refuse(index, 'duplicate', `code ${cleanCode} is listed twice`);
    campuses.push({ code: cleanCode, name: cleanPersianText(name) });
  }
  return campuses;
}
