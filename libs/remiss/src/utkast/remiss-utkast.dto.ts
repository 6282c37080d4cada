import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Faltnamn, INT4_MAX, IsDatum, OptionalNotNull } from '@app/core';

/** The form's names of the remiss' fields, for validation errors. */
const REMISS_FALTNAMN = {
  arendemening: 'ärendemening',
  diariumId: 'diarium',
  diarienummer: 'diarienummer',
  fragor: 'frågor',
  kontaktperson: 'kontaktperson',
} as const;

@Faltnamn({ epost: 'e-postadress', telefon: 'telefonnummer' })
export class KontaktpersonDto {
  @ApiProperty({ example: 'Karin Lind' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  namn!: string;

  @ApiPropertyOptional({ example: 'karin.lind@enkoping.se' })
  @OptionalNotNull()
  @IsEmail()
  @MaxLength(254)
  epost?: string;

  @ApiPropertyOptional({ example: '0171-62 50 00' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(40)
  telefon?: string;
}

/** Either `enhetId` (an enhet of the own or another organisation of the platform) or `namn` + `epost` (an external party). */
@Faltnamn({ enhetId: 'enhet', epost: 'e-postadress' })
export class MottagareDto {
  @ApiPropertyOptional({ description: 'An enhet of any organisation on the platform' })
  @OptionalNotNull()
  @IsUUID()
  enhetId?: string;

  @ApiPropertyOptional({ description: 'External party: name', example: 'Region Uppsala' })
  @OptionalNotNull()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  namn?: string;

  @ApiPropertyOptional({
    description: 'External party: e-mail that receives the personal link',
    example: 'registrator@regionuppsala.se',
  })
  @OptionalNotNull()
  @IsEmail()
  @MaxLength(254)
  epost?: string;
}

@Faltnamn(REMISS_FALTNAMN)
export class NyRemissDto {
  @ApiProperty({ example: 'Förslag till policy för digital omställning' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  arendemening!: string;

  @ApiPropertyOptional({
    description: "The sender's diarium; by default that of the enhet where the caller is remissansvarig",
  })
  @OptionalNotNull()
  @IsUUID()
  diariumId?: string;

  @ApiPropertyOptional({
    description: 'An existing diarienummer (validated, unique); allocated when absent',
    example: 'KS2025/118',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(40)
  diarienummer?: string;

  @ApiPropertyOptional({ description: 'The covering letter (missiv); paragraphs separated by a blank line' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(20000)
  missiv?: string;

  @ApiProperty({
    example: '2026-05-15',
    description: 'A working day at least REMISS_MIN_SVARSTID_ARBETSDAGAR working days away',
  })
  @IsDatum()
  svarsdatum!: string;

  @ApiPropertyOptional({ type: KontaktpersonDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => KontaktpersonDto)
  kontaktperson?: KontaktpersonDto;

  @ApiPropertyOptional({ type: [MottagareDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MottagareDto)
  mottagare?: MottagareDto[];

  @ApiPropertyOptional({ type: [String], description: 'Questions the instanser are asked to answer' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  fragor?: string[];
}

/**
 * Every field of a draft may change except its diarienummer. A field left out stays as it is;
 * `null` is refused naming the field, except for `kontaktperson`, where it removes the contact
 * (the other fields that may be empty are emptied with '' or []).
 */
@Faltnamn(REMISS_FALTNAMN)
export class AndraRemissDto extends PartialType(
  OmitType(NyRemissDto, ['diariumId', 'diarienummer', 'kontaktperson'] as const),
  { skipNullProperties: false },
) {
  @ApiPropertyOptional({ type: KontaktpersonDto, nullable: true, description: 'null removes the kontaktperson' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => KontaktpersonDto)
  kontaktperson?: KontaktpersonDto | null;

  @ApiPropertyOptional({ description: 'The version the client edited; a stale one gives 409 and nothing is changed' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  version?: number;
}
