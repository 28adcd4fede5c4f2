import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';

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
