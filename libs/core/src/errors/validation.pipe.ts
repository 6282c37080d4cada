import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? `${parent ? parent + '.' : ''}${m}` : `${field}: ${m}`));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Unknown fields and wrong types are refused with a message that names the field. */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const messages = flatten(errors);
      return new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', messages.join('; '), 'Uppgifterna är inte giltiga', {
        fields: errors.map((e) => e.property),
      });
    },
  });
}
