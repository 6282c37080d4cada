import { Faltnamn } from '@app/core';
import { KompletteringDto, NyInstansDto, NyLankDto } from '@app/remiss';
import { Transform } from 'class-transformer';
import { Equals, IsString, Matches, MaxLength } from 'class-validator';

/** Återkalla or avsluta: the API's reason, and a confirmation, since everyone is told at once. */
@Faltnamn({ orsak: 'skäl', bekraftelse: 'bekräftelse' })
export class AterkallaFormular {
  @IsString()
  @Matches(/\S.*\S.*\S/s, { context: { meddelande: 'Skriv varför remissen återkallas (minst tre tecken).' } })
  @MaxLength(2000)
  orsak!: string;

  @Equals('ja', { context: { meddelande: 'Bekräfta att remissen ska återkallas.' } })
  bekraftelse!: string;
}

@Faltnamn({ bekraftelse: 'bekräftelse' })
export class AvslutaFormular {
  @Equals('ja', { context: { meddelande: 'Bekräfta att remissen ska avslutas.' } })
  bekraftelse!: string;
}

/** A form sends every field; one left empty is one not given (the API's DTOs take absent, not ''). */
const TomArIngen = () => Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

export class NyInstansFormular extends NyInstansDto {
  @TomArIngen() declare enhetId?: string;
  @TomArIngen() declare namn?: string;
  @TomArIngen() declare epost?: string;
  @TomArIngen() declare svarsdatum?: string;
}

export class NyLankFormular extends NyLankDto {
  @TomArIngen() declare epost?: string;
}

export class KompletteringFormular extends KompletteringDto {
  @TomArIngen() declare titel?: string;
  @TomArIngen() declare ersatterId?: string;
}
