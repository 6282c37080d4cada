import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Faltnamn, IsDatum, OptionalNotNull, SidQuery } from '@app/core';
import { ARENDE_STATUSAR, ArendeStatus, HANDLING_RIKTNINGAR, HandlingRiktning } from '@app/database';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

/** A filter left empty is no filter: a page's GET form sends every field, chosen or not. */
const tomSomUtelamnad = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value;

/** Text with something in it, trimmed (a field of only spaces is a field left empty). */
const trimmad = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@Faltnamn({ arendemening: 'ärendemening', enhetId: 'enhet' })
export class NyttArendeDto {
  @ApiProperty({ example: 'Remiss: Förslag till policy för digital omställning' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  arendemening!: string;

  @ApiPropertyOptional({
    description: 'An existing number to register under; allocated when absent',
    example: 'UN2025/412',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(40)
  diarienummer?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The enhet the ärende is opened for (one set to this diarium); absent: the first such enhet where the caller may register',
  })
  @OptionalNotNull()
  @IsUUID()
  enhetId?: string;
}

export const DIARIUM_SORTERING = ['diarienummer', 'arendemening', 'registrerad', 'status'] as const;
export type DiariumSortering = (typeof DIARIUM_SORTERING)[number];

/** The diarium's search: every filter optional, combined with AND. */
@Faltnamn({ fran: 'från och med', till: 'till och med', riktning: 'riktning', enhetId: 'enhet', q: 'sök' })
export class DiariumSokQuery extends SidQuery {
  @ApiPropertyOptional({ description: 'Text in the dnr, the ärendemening or a handling’s motpart' })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Only ärenden with a handling dated this day or later' })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsDatum({ context: { meddelande: 'Skriv ett datum som 2025-03-20.' } })
  fran?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Only ärenden with a handling dated this day or earlier' })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsDatum({ context: { meddelande: 'Skriv ett datum som 2025-05-15.' } })
  till?: string;

  @ApiPropertyOptional({ enum: HANDLING_RIKTNINGAR, description: 'Only ärenden with a handling of this riktning' })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsIn(HANDLING_RIKTNINGAR)
  riktning?: HandlingRiktning;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only ärenden of this enhet' })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsUUID()
  enhetId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only ärenden of this diarium' })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsUUID()
  diariumId?: string;

  @ApiPropertyOptional({ enum: ARENDE_STATUSAR })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsIn(ARENDE_STATUSAR)
  status?: ArendeStatus;

  @ApiPropertyOptional({ enum: DIARIUM_SORTERING, default: 'registrerad' })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsIn(DIARIUM_SORTERING)
  sort: DiariumSortering = 'registrerad';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}

const OSL = /^OSL \d+ kap\. \d+( ?[a-z])? §( \S.*)?$/;

/**
 * A handling registered by hand (a letter, an e-mail's PDF). What OSL 5 kap. 2 § asks of every
 * registration: the date it came in, the ärende's dnr (the ärende it enters), the sender and a short
 * description of what it is about.
 */
@Faltnamn({ datum: 'datum', motpart: 'avsändare', beskrivning: 'beskrivning', sekretess: 'sekretess' })
export class NyHandlingDto {
  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'The day the handling came in' })
  @Transform(trimmad)
  @IsDatum({ context: { meddelande: 'Skriv datumet då handlingen kom in, till exempel 2026-03-02.' } })
  datum!: string;

  @ApiProperty({ example: 'Region Uppsala', description: 'Who sent it (avsändare)' })
  @Transform(trimmad)
  @IsString({ context: { meddelande: 'Skriv vem som har skickat handlingen.' } })
  @MinLength(2, { context: { meddelande: 'Skriv vem som har skickat handlingen.' } })
  @MaxLength(300)
  motpart!: string;

  @ApiProperty({ example: 'Yttrande över förslag till policy för digital omställning' })
  @Transform(trimmad)
  @IsString({ context: { meddelande: 'Skriv kort vad handlingen gäller.' } })
  @MinLength(3, { context: { meddelande: 'Skriv kort vad handlingen gäller.' } })
  @MaxLength(500)
  beskrivning!: string;

  @ApiPropertyOptional({ example: 'OSL 21 kap. 7 §', description: 'Marks the handling sekretess under this paragraph' })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsString()
  @Matches(OSL, { context: { meddelande: 'Skriv paragrafen som OSL 21 kap. 7 §.' } })
  @MaxLength(100)
  sekretess?: string;
}

/** A sekretessmarkering set on a registered handling. */
@Faltnamn({ sekretess: 'sekretess' })
export class SekretessDto {
  @ApiProperty({ example: 'OSL 21 kap. 7 §' })
  @Transform(trimmad)
  @IsString()
  @Matches(OSL, { context: { meddelande: 'Skriv paragrafen som OSL 21 kap. 7 §.' } })
  @MaxLength(100)
  sekretess!: string;
}

/** A new diarium: its name, the prefix its format names and the format. */
@Faltnamn({ namn: 'namn', prefix: 'prefix', format: 'format' })
export class NyttDiariumDto {
  @ApiProperty({ example: 'Region Jönköpings läns diarium' })
  @Transform(trimmad)
  @IsString()
  @MinLength(3, { context: { meddelande: 'Skriv diariets namn.' } })
  @MaxLength(200)
  namn!: string;

  @ApiProperty({ example: 'RJL' })
  @Transform(trimmad)
  @IsString()
  @Matches(/^[A-ZÅÄÖ0-9]{1,10}$/, { context: { meddelande: 'Skriv 1–10 versaler eller siffror, till exempel RJL.' } })
  prefix!: string;

  @ApiProperty({ example: '{prefix} {year}/{seq:4}' })
  @Transform(trimmad)
  @IsString()
  @MinLength(1, { context: { meddelande: 'Skriv formatet, till exempel {prefix} {year}/{seq:4}.' } })
  @MaxLength(60)
  format!: string;
}

/** Which diarium an enhet's ärenden are numbered in. */
@Faltnamn({ diariumId: 'diarium' })
export class EnhetDiariumDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { context: { meddelande: 'Välj ett diarium.' } })
  diariumId!: string;
}
