import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { isDatum } from '../calendar/datum';

/** The largest value of a PostgreSQL integer column: every integer of the API is bounded by it or less. */
export const INT4_MAX = 2_147_483_647;

/** The dates the platform accepts anywhere (svarsdatum, beslut, filters): this century. */
export const DATUM_MIN = '2000-01-01';
export const DATUM_MAX = '2099-12-31';

/**
 * An optional field: it may be left out, but `null` is validated like any other value (and so
 * refused by the field's type check, naming the field). `@IsOptional()` would let `null` through
 * to the services; use it only where `null` means "clear this" and the service handles it.
 */
export const OptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

/** A calendar date `YYYY-MM-DD` between DATUM_MIN and DATUM_MAX. */
export function IsDatum(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDatum',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be a date YYYY-MM-DD between ${DATUM_MIN} and ${DATUM_MAX}`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isDatum(value) && value >= DATUM_MIN && value <= DATUM_MAX,
      },
    });
}
