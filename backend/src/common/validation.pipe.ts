import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { Matches, ValidateIf } from 'class-validator';

function collect(errors: ValidationError[], prefix: string, into: Record<string, string[]>): Record<string, string[]> {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) into[path] = Object.values(error.constraints);
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
      const fields = collect(errors, '', {});
      const message = Object.entries(fields)
        .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
        .join('; ');
      return new BadRequestException({ message: message || 'invalid input', fields });
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
