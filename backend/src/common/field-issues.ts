import { BadRequestException } from '@nestjs/common';
import type { FieldProblem } from '@hamgam/shared';

/** A refused field: the English message API clients read, and the code (with its values) the UI translates. */
export type FieldIssue = FieldProblem & { message: string };
export type FieldIssues = Record<string, FieldIssue[]>;

export function addIssue(issues: FieldIssues, field: string, issue: FieldIssue): void {
  (issues[field] ??= []).push(issue);
}

/** The messages alone, keyed by field (the `fields` of a 400). */
export function issueMessages(issues: FieldIssues): Record<string, string[]> {
  return Object.fromEntries(Object.entries(issues).map(([field, list]) => [field, list.map((issue) => issue.message)]));
}

/** The codes alone, keyed by field (the `problems` of a 400). */
export function issueProblems(issues: FieldIssues): Record<string, FieldProblem[]> {
  return Object.fromEntries(Object.entries(issues).map(([field, list]) => [field, list.map(({ code, params }) => (params ? { code, params } : { code }))]));
}

/** 400 naming each refused field, with its message (`fields`) and its code (`problems`). */
export function fieldsException(issues: FieldIssues): BadRequestException {
  const fields = issueMessages(issues);
  const message = Object.entries(fields)
    .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
    .join('; ');
  return new BadRequestException({ message, fields, problems: issueProblems(issues) });
}

/** Throws `fieldsException` when anything was refused. */
export function throwIfIssues(issues: FieldIssues): void {
  if (Object.keys(issues).length > 0) throw fieldsException(issues);
}
