import { ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { findInputFault, InputFault, MAX_INPUT_DEPTH, printable } from '../validation/text-check';
import { DomainError } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.startsWith(e.property) ? `${parent ? parent + '.' : ''}${m}` : `${field}: ${m}`,
    );
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The fields (as paths, `synpunkter.0.citat`) that carry a refused value. */
function faultyFields(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return [...(e.constraints ? [field] : []), ...faultyFields(e.children ?? [], field)];
  });
}

/** The few query fields with English names, as the Swedish messages call them; the others are Swedish already. */
const SVENSKA_FALTNAMN: Record<string, string> = {
  page: 'sidnummer',
  pageSize: 'antal per sida',
  q: 'sökord',
  sort: 'sortering',
  order: 'ordning',
};
const svensktFalt = (path: string) => SVENSKA_FALTNAMN[path] ?? path;

/**
 * Unknown fields and wrong types are refused with a message that names the field. Before that,
 * every string of the body, the query and the path is checked for NUL and lone surrogates, and
 * the body's nesting is bounded, whatever the handler does with them.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const fault = findInputFault(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (fault) throw inputFaultError(fault);
    }
    return super.transform(value, metadata);
  }
}

function inputFaultError(found: InputFault): DomainError {
  const { fault } = found;
  const path = printable(found.path);
  const [field, falt] = path ? [path, `fältet ${svensktFalt(path)}`] : ['the body', 'innehållet'];
  const details = { fields: [path] };
  if (fault === 'TOO_DEEP') {
    return new DomainError(
      HttpStatus.BAD_REQUEST,
      'INPUT_TOO_DEEP',
      `${field} is nested deeper than ${MAX_INPUT_DEPTH} levels`,
      `Uppgifterna i ${falt} är nästlade i fler än ${MAX_INPUT_DEPTH} nivåer`,
      details,
    );
  }
  const [english, svenska] =
    fault === 'NUL'
      ? ['a NUL character', 'ett NUL-tecken']
      : ['an unpaired UTF-16 surrogate', 'ett ensamt surrogattecken (ogiltig Unicode)'];
  return new DomainError(
    HttpStatus.BAD_REQUEST,
    'INVALID_TEXT',
    `${field} contains ${english}`,
    `${falt[0].toUpperCase()}${falt.slice(1)} innehåller ${svenska}`,
    details,
  );
}

export function apiValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const messages = flatten(errors);
      const fields = faultyFields(errors).map(svensktFalt);
      const namn = fields.length === 1 ? `fältet ${fields[0]}` : `fälten ${fields.join(', ')}`;
      return new DomainError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        messages.join('; '),
        `Uppgifterna är inte giltiga: ${namn}`,
        {
          fields: errors.map((e) => e.property),
        },
      );
    },
  });
}
