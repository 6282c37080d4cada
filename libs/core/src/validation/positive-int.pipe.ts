import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { invalidField } from '../errors/domain-error';
import { INT4_MAX } from './field.decorators';

/** A path value that counts from 1 (a revision's version): 1 … INT4_MAX, else 400 naming it. */
@Injectable()
export class ParsePositiveIntPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (n >= 1 && n <= INT4_MAX) return n;
    const field = metadata.data ?? 'value';
    throw invalidField(
      field,
      `${field} must be a whole number from 1 to ${INT4_MAX}`,
      `${field[0].toUpperCase()}${field.slice(1)} ska vara ett heltal från 1 till ${INT4_MAX}.`,
    );
  }
}
