import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { Matches, ValidateIf } from 'class-validator';
import type { FieldProblem } from '@hamgam/shared';
import { fieldsException, type FieldIssues } from './field-issues';

// Codes of the checks any DTO uses; a check with its own `context: { code, params }` names a more precise one.
const CONSTRAINT_CODES: Record<string, string> = { isInt: 'wholeNumber', isDefined: 'required', isNotEmpty: 'required', min: 'tooSmall', max: 'tooBig' };

function problemOf(constraint: string, context: unknown): FieldProblem {
  const given = context as Partial<FieldProblem> | undefined;
  if (given?.code) return given.params ? { code: given.code, params: given.params } : { code: given.code };
  return { code: CONSTRAINT_CODES[constraint] ?? 'invalid' };
}

function collect(errors: ValidationError[], prefix: string, into: FieldIssues): FieldIssues {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      into[path] = Object.entries(error.constraints).map(([constraint, message]) => ({ message, ...problemOf(constraint, error.contexts?.[constraint]) }));
    }
    if (error.children?.length) collect(error.children, path, into);
  }
  return into;
}

/** Whitelisted, transformed input; errors answered 400 with messages per field path (`connection.baseUrl`). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const issues = collect(errors, '', {});
      return Object.keys(issues).length > 0 ? fieldsException(issues) : new BadRequestException({ message: 'invalid input', fields: {} });
    },
  });
}

/**
 * Like `@IsOptional()`, but only an absent key is skipped: `null` is validated (and refused) instead of
 * reaching a NOT NULL column as a 500.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/**
 * Text typed by a person (a search, a name filter): control characters are refused with a field error. A NUL in a
 * full-text search used to reach SQLite's FTS5 parser and come back as a 500.
 */
export function IsPlainText(): PropertyDecorator {
  return Matches(/^\P{Cc}*$/u, { message: '$property must not contain control characters' });
}
