import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { findInputFault, InputFault, MAX_INPUT_DEPTH, printable } from '../validation/text-check';
import { faltnamnFor } from '../validation/faltnamn.decorator';
import { DATUM_MAX, DATUM_MIN } from '../validation/field.decorators';
import { DomainError } from './domain-error';
import { FaltFel } from './error-codes';

/** The query fields every list shares (SidQuery), named in Swedish; a DTO names its own with @Faltnamn. */
const SVENSKA_FALTNAMN: Record<string, string> = {
  page: 'sidnummer',
  pageSize: 'antal per sida',
  q: 'sökord',
  sort: 'sortering',
  order: 'ordning',
};
const svensktFalt = (path: string, dto?: object) =>
  faltnamnFor(dto, path.split('.').pop() ?? path) ?? SVENSKA_FALTNAMN[path] ?? path;

/** What each class-validator check says in Swedish, given the field's label and the check's arguments. */
export const SVENSKA_REGLER: Record<string, (falt: string, args: unknown[]) => string> = {
  whitelistValidation: (f) => `${f} finns inte här och får inte skickas.`,
  // The sammanställning's ställningstagande: "beaktas delvis" and "beaktas inte" must say why.
  motiveringKravs: (f) => `${f} måste anges när synpunkten beaktas delvis eller inte beaktas.`,
  isDefined: (f) => `${f} måste anges.`,
  isString: (f) => `${f} måste vara en text.`,
  isNotEmpty: (f) => `${f} får inte vara tomt.`,
  matches: (f) => `${f} har inte rätt form.`,
  equals: (f, [v]) => `${f} måste vara ${JSON.stringify(v)}.`,
  minLength: (f, [n]) => (n === 1 ? `${f} får inte vara tomt.` : `${f} måste ha minst ${n} tecken.`),
  maxLength: (f, [n]) => `${f} får ha högst ${n} tecken.`,
  isInt: (f) => `${f} måste vara ett heltal.`,
  min: (f, [n]) => `${f} får inte vara mindre än ${n}.`,
  max: (f, [n]) => `${f} får inte vara större än ${n}.`,
  isBoolean: (f) => `${f} måste vara sant eller falskt (true eller false).`,
  isIn: (f, [values]) =>
    Array.isArray(values) ? `${f} måste vara något av ${values.join(', ')}.` : `${f} har ett värde som inte finns.`,
  isEnum: (f) => `${f} har ett värde som inte finns.`,
  isUuid: (f) => `${f} måste vara ett id (UUID).`,
  isUUID: (f) => `${f} måste vara ett id (UUID).`,
  isEmail: (f) => `${f} måste vara en e-postadress.`,
  isDatum: (f) => `${f} måste vara ett datum ÅÅÅÅ-MM-DD mellan ${DATUM_MIN} och ${DATUM_MAX}.`,
  isArray: (f) => `${f} måste vara en lista.`,
  arrayMaxSize: (f, [n]) => `${f} får ha högst ${n} poster.`,
  arrayMinSize: (f, [n]) => `${f} måste ha minst ${n} poster.`,
  isObject: (f) => `${f} måste vara ett objekt.`,
  nestedValidation: (f) => `${f} måste vara ett objekt.`,
};

/** The arguments a check was declared with (`@MaxLength(200)` → [200]), for the Swedish sentence. */
function argsOf(dto: object | undefined, property: string, check: string): unknown[] {
  if (!dto) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto.constructor, '', true, false);
  return metadata.find((m) => m.propertyName === property && (m.name ?? m.type) === check)?.constraints ?? [];
}

/**
 * A form's own sentence for a check, given as `{ context: { meddelande: 'Välj en enhet.' } }`: a page
 * asks as GOV.UK's patterns do ("Välj …", "Skriv …") where the generic sentence would name a type.
 */
const swedishOfTheCheck = (e: ValidationError, check: string): string | undefined => {
  const meddelande = (e.contexts?.[check] as { meddelande?: unknown } | undefined)?.meddelande;
  return typeof meddelande === 'string' ? meddelande : undefined;
};

const versal = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** Every refused field with its path, its Swedish name and one sentence per failed check. */
function faltFel(errors: ValidationError[], parent = '', parentNamn = ''): (FaltFel & { namn: string })[] {
  return errors.flatMap((e) => {
    const falt = parent ? `${parent}.${e.property}` : e.property;
    const eget = /^\d+$/.test(e.property) ? e.property : svensktFalt(e.property, e.target);
    const namn = parentNamn ? `${parentNamn}.${eget}` : parent ? `${parent}.${eget}` : eget;
    // A JSON key may be empty (`{"": null}`): it still gets a sentence, naming it as a field without a name.
    const etikett = namn === '' ? 'Ett fält utan namn' : parent ? `Fältet ${namn}` : versal(namn);
    const own = Object.keys(e.constraints ?? {}).map((check) => ({
      falt,
      namn,
      meddelande:
        swedishOfTheCheck(e, check) ??
        SVENSKA_REGLER[check]?.(etikett, argsOf(e.target, e.property, check)) ??
        `${etikett} har ett ogiltigt värde.`,
    }));
    return [...own, ...faltFel(e.children ?? [], falt, namn)];
  });
}

/** class-validator's English sentences, each naming its field path. */
function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.startsWith(e.property) ? `${parent ? parent + '.' : ''}${m}` : `${field}: ${m}`,
    );
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Unknown fields and wrong types are refused with a message that names the field, and `fel` with a
 * Swedish sentence per field for a form to show beside it. Before that, every string of the body, the
 * query and the path is checked for NUL and lone surrogates, and the body's nesting is bounded,
 * whatever the handler does with them.
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
  const falt = printable(found.path);
  const svensktFaltnamn = svensktFalt(falt);
  if (found.fault === 'TOO_DEEP')
    return new DomainError('INPUT_TOO_DEEP', { falt, svensktFalt: svensktFaltnamn, max: MAX_INPUT_DEPTH });
  return new DomainError('INVALID_TEXT', {
    falt,
    svensktFalt: svensktFaltnamn,
    fel: found.fault === 'NUL' ? 'NUL' : 'SURROGATE',
  });
}

export function apiValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The DTO instance tells the Swedish field names (@Faltnamn) and each check's arguments; never sent.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) =>
      new DomainError('VALIDATION_FAILED', { message: flatten(errors).join('; '), fel: faltFel(errors) }),
  });
}
