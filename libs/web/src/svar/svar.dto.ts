import { Faltnamn, STALLNINGSNAMN } from '@app/core';
import { SYNPUNKTSTYPNAMN } from '@app/svar';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
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

const TEXT = 20_000;
const HELTAL = /^\d{1,9}$/;

/** A form sends every field, blank ones as ''; a blank optional field is one not given. */
const TomSomSaknas = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value));

/** What a synpunkt's fields hold; one with nothing written and no id is no synpunkt (a new block left blank). */
const SYNPUNKT_TEXTFALT = ['rubrik', 'text', 'citatinledning', 'citat', 'strykText', 'nyText', 'fotnoter'] as const;

export function arTomSynpunkt(p: SynpunktFalt): boolean {
  return !p.id && !p.remisshandlingId && !p.sida && SYNPUNKT_TEXTFALT.every((f) => !p[f]?.trim());
}

/** One synpunkt of the editor's form, as the browser sends it (text only). */
@Faltnamn({
  typ: 'sort av synpunkt',
  rubrik: 'rubrik',
  text: 'synpunkt',
  remisshandlingId: 'remisshandling',
  sida: 'sida',
  citatinledning: 'citatets inledning',
  citat: 'citat',
  strykText: 'text att stryka',
  nyText: 'ersätt med',
  fotnoter: 'fotnoter',
})
export class SynpunktFalt {
  @TomSomSaknas()
  @IsOptional()
  @IsUUID()
  id?: string;

  @ValidateIf((p: SynpunktFalt) => !arTomSynpunkt(p))
  @IsIn(Object.keys(SYNPUNKTSTYPNAMN), { context: { meddelande: 'Välj vilken sorts synpunkt det är.' } })
  typ?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  rubrik?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  text?: string;

  @TomSomSaknas()
  @IsOptional()
  @IsUUID('all', { context: { meddelande: 'Välj en av remissens handlingar.' } })
  remisshandlingId?: string;

  @TomSomSaknas()
  @IsOptional()
  @Matches(HELTAL, { context: { meddelande: 'Skriv sidans nummer med siffror, till exempel 5.' } })
  sida?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  citatinledning?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  citat?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  strykText?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  nyText?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  fotnoter?: string;
}

@Faltnamn({ fraga: 'fråga', text: 'svar på frågan' })
export class FragesvarFalt {
  @Matches(HELTAL)
  fraga!: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  text?: string;
}

/** What the editor's buttons ask for besides saving: add a synpunkt, remove one, move one up or down. */
export const ATGARD = /^(spara|lagg-till|ta-bort-\d{1,3}|upp-\d{1,3}|ned-\d{1,3})$/;

/** The editor's form: the answer's content as text fields, the version it was based on, and the button pressed. */
@Faltnamn({
  titel: 'rubrik på svaret',
  inledning: 'inledning',
  avslutning: 'avslutning',
  fotnoter: 'fotnoter',
  stallning: 'ställning',
  synpunkter: 'synpunkter',
  fragesvar: 'svar på frågor',
  version: 'version',
  atgard: 'knapp',
})
export class SvarFormular {
  @TomSomSaknas()
  @IsOptional()
  @Matches(HELTAL)
  version?: string;

  @TomSomSaknas()
  @IsOptional()
  @IsString()
  @MinLength(3, { context: { meddelande: 'Skriv en rubrik med minst 3 tecken, eller lämna fältet tomt.' } })
  @MaxLength(500)
  titel?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  inledning?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SynpunktFalt)
  synpunkter?: SynpunktFalt[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FragesvarFalt)
  fragesvar?: FragesvarFalt[];

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  avslutning?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  fotnoter?: string;

  @TomSomSaknas()
  @IsOptional()
  @IsIn(Object.keys(STALLNINGSNAMN), { context: { meddelande: 'Välj svarets ställning.' } })
  stallning?: string;

  @IsOptional()
  @Matches(ATGARD)
  atgard?: string;
}

/** Day, month and year as GOV.UK's date input sends them. */
@Faltnamn({ dag: 'dag', manad: 'månad', ar: 'år' })
export class DatumFalt {
  @IsOptional()
  @IsString()
  @MaxLength(4)
  dag?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4)
  manad?: string;

  @IsOptional()
  @IsString()
  @MaxLength(6)
  ar?: string;
}

@Faltnamn({
  typ: 'beslutstyp',
  sammantradesdatum: 'sammanträdesdatum',
  paragraf: 'paragraf',
  delegatNamn: 'delegatens namn',
  delegatTitel: 'delegatens titel',
  beslutsdatum: 'beslutsdatum',
})
export class BeslutFormular {
  @IsIn(['namndbeslut', 'delegationsbeslut'], {
    context: { meddelande: 'Välj om nämnden beslutade vid ett sammanträde eller en delegat på delegation.' },
  })
  typ!: 'namndbeslut' | 'delegationsbeslut';

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DatumFalt)
  sammantradesdatum?: DatumFalt;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  paragraf?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  delegatNamn?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  delegatTitel?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DatumFalt)
  beslutsdatum?: DatumFalt;
}
