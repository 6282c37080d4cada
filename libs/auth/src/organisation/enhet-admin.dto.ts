import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Faltnamn } from '@app/core';
import type { EnhetTyp } from '@app/database';
import type { DiariumVal } from './enhetens-diarium';

export const ENHETSTYPER: EnhetTyp[] = ['namnd', 'styrelse', 'forvaltning', 'rad', 'bolag'];

/** An enhet as its admin creates or edits it; a form's empty funktionsbrevlåda means none. */
@Faltnamn({ namn: 'namn', kortnamn: 'kortnamn', typ: 'typ', funktionsbrevlada: 'funktionsbrevlåda' })
export class EnhetDto {
  @ApiProperty({ example: 'Utbildningsnämnden' })
  @IsString()
  @Matches(/\S/, { context: { meddelande: 'Skriv enhetens namn, till exempel Utbildningsnämnden.' } })
  @MaxLength(120)
  namn!: string;

  @ApiProperty({ example: 'UN', description: 'Unique in the organisation; the diarium prefix of its own diarium' })
  @IsString()
  @Matches(/^\s*[A-Za-zÅÄÖåäö0-9-]{1,12}\s*$/, {
    context: { meddelande: 'Skriv ett kortnamn med högst 12 bokstäver, siffror eller bindestreck, till exempel UN.' },
  })
  kortnamn!: string;

  @ApiProperty({ enum: ENHETSTYPER, example: 'namnd' })
  @IsIn(ENHETSTYPER, { context: { meddelande: 'Välj vilken sorts enhet det är.' } })
  typ!: EnhetTyp;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'un@enkoping.se',
    description: 'Receives remisser and reminders',
  })
  @ValidateIf((_o, v) => v !== null && v !== '' && v !== undefined)
  @IsString()
  @Matches(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, {
    context: {
      meddelande: 'Skriv funktionsbrevlådans e-postadress, till exempel un@enkoping.se, eller lämna fältet tomt.',
    },
  })
  @MaxLength(200)
  funktionsbrevlada?: string | null;
}

/** A new enhet: its fields, and the diarium it numbers its ärenden in (by default one of its own). */
@Faltnamn({ diarium: 'diarium' })
export class NyEnhetDto extends EnhetDto {
  @ApiProperty({
    required: false,
    default: 'eget',
    example: 'eget',
    description: "'eget': a diarium of its own, its kortnamn as prefix; or the id of a diarium of the organisation",
  })
  @ValidateIf((_o, v) => v !== undefined)
  @Matches(/^(eget|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    context: { meddelande: 'Välj ett eget diarium eller ett av organisationens diarier.' },
  })
  diarium?: DiariumVal;
}
