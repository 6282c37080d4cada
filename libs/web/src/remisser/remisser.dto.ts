import { Faltnamn } from '@app/core';
import { RemissListQuery } from '@app/remiss';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** The remisser page's GET form: the API's filters, sort and page, 25 rows a page. */
export class RemisserFilter extends RemissListQuery {
  override pageSize = 25;
}

/** A blank field of a form is no value. */
const tomSomUtelamnad = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** The fields of an utkast as the form posts them; `utkastformular.ts` makes the API's DTO of them. */
@Faltnamn({
  arendemening: 'ärendemening',
  dnrSatt: 'diarienummer',
  diarienummer: 'diarienummer',
  diariumId: 'diarium',
  svarsdatum: 'svarsdatum',
  missiv: 'missivtext',
  fragor: 'frågor',
  kontaktNamn: 'kontaktpersonens namn',
  kontaktEpost: 'kontaktpersonens e-postadress',
  kontaktTelefon: 'kontaktpersonens telefonnummer',
})
export class UtkastFormular {
  @IsString()
  @MinLength(3, { context: { meddelande: 'Skriv en ärendemening på minst 3 tecken.' } })
  @MaxLength(500)
  arendemening!: string;

  /** Only a new utkast: the diarium's next number, or one the ärende already has. */
  @IsOptional()
  @IsIn(['nytt', 'befintligt'], { context: { meddelande: 'Välj om remissen ska få ett nytt diarienummer.' } })
  dnrSatt?: 'nytt' | 'befintligt';

  @ValidateIf((f: UtkastFormular) => f.dnrSatt === 'befintligt')
  @IsString()
  @IsNotEmpty({ context: { meddelande: 'Skriv diarienumret som ärendet redan har.' } })
  @MaxLength(40)
  diarienummer?: string;

  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsUUID('all', { context: { meddelande: 'Välj ett diarium.' } })
  diariumId?: string;

  @IsString()
  @Matches(/^\s*\d{4}-\d{2}-\d{2}\s*$/, {
    context: { meddelande: 'Skriv svarsdatum som år-månad-dag, till exempel 2026-05-15.' },
  })
  svarsdatum!: string;

  @IsOptional()
  @IsString()
  @MaxLength(20000)
  missiv?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100000)
  fragor?: string;

  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsString()
  @MinLength(2, { context: { meddelande: 'Skriv kontaktpersonens namn, minst 2 tecken.' } })
  @MaxLength(200)
  kontaktNamn?: string;

  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsEmail({}, { context: { meddelande: 'Skriv en e-postadress som namn@kommun.se.' } })
  @MaxLength(254)
  kontaktEpost?: string;

  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsString()
  @MaxLength(40)
  kontaktTelefon?: string;

  /** The version the form showed: a save on top of another person's is refused (409). */
  @IsOptional()
  @Matches(/^\d{1,9}$/)
  version?: string;
}

/** An external party typed in by hand. */
@Faltnamn({ namn: 'namn', epost: 'e-postadress' })
export class ExternFalt {
  @IsString()
  @MinLength(2, { context: { meddelande: 'Skriv mottagarens namn, minst 2 tecken.' } })
  @MaxLength(200)
  namn!: string;

  @IsString()
  @IsEmail({}, { context: { meddelande: 'Skriv en e-postadress som registrator@kommun.se.' } })
  @MaxLength(254)
  epost!: string;
}

const MOTTAGARATGARDER = ['enheter', 'extern', 'ta-bort', 'lista', 'fil', 'sandlista', 'spara-sandlista'] as const;
export type Mottagaratgard = (typeof MOTTAGARATGARDER)[number];

/** The forms of the recipients page: each posts `atgard` and its own fields. */
@Faltnamn({ enhetIds: 'enheter', text: 'listan', sandlistaId: 'sändlista', namn: 'sändlistans namn' })
export class MottagareFormular {
  @IsIn(MOTTAGARATGARDER)
  atgard!: Mottagaratgard;

  /** Ticked checkboxes: none is no field at all, one is a string. */
  @ValidateIf((f: MottagareFormular) => f.atgard === 'enheter')
  @Transform(({ value }) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  @IsUUID('all', { each: true })
  enhetIds?: string[];

  @ValidateIf((f: MottagareFormular) => f.atgard === 'extern')
  @IsObject({ context: { meddelande: 'Skriv mottagarens namn och e-postadress.' } })
  @ValidateNested()
  @Type(() => ExternFalt)
  extern?: ExternFalt;

  @ValidateIf((f: MottagareFormular) => f.atgard === 'ta-bort')
  @IsString()
  @MaxLength(254)
  nyckel?: string;

  @ValidateIf((f: MottagareFormular) => f.atgard === 'lista')
  @IsString()
  @Matches(/\S/, { context: { meddelande: 'Klistra in minst en rad med namn och e-postadress.' } })
  @MaxLength(100000)
  text?: string;

  @ValidateIf((f: MottagareFormular) => f.atgard === 'sandlista')
  @IsUUID('all', { context: { meddelande: 'Välj en sändlista.' } })
  sandlistaId?: string;

  @ValidateIf((f: MottagareFormular) => f.atgard === 'spara-sandlista')
  @IsString()
  @MinLength(2, { context: { meddelande: 'Ge sändlistan ett namn på minst 2 tecken.' } })
  @MaxLength(200)
  namn?: string;
}

/** The handlingar page's forms: an upload (multipart, with an optional title), or a move or removal of one handling. */
@Faltnamn({ titel: 'titel' })
export class HandlingarFormular {
  @IsIn(['ladda-upp', 'upp', 'ned', 'ta-bort'])
  atgard!: 'ladda-upp' | 'upp' | 'ned' | 'ta-bort';

  @ValidateIf((f: HandlingarFormular) => f.atgard !== 'ladda-upp')
  @IsUUID()
  handlingId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  titel?: string;
}
