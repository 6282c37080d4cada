import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REMISSVAR_STALLNINGAR, RemissvarStallning, SYNPUNKT_TYPER, SynpunktTyp } from '@app/database';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Faltnamn, INT4_MAX, IsDatum, OptionalNotNull } from '@app/core';

const TEXT = 20_000;

@Faltnamn({
  remisshandlingId: 'remisshandling',
  strykText: 'text att stryka',
  nyText: 'föreslagen text',
  citatinledning: 'citatets inledning',
})
export class SynpunktDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The id of a stored synpunkt of this remissvar, to keep it; absent for a new one',
  })
  @OptionalNotNull()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: SYNPUNKT_TYPER })
  @IsIn(SYNPUNKT_TYPER)
  typ!: SynpunktTyp;

  @ApiPropertyOptional({ example: 'Pilotprojekt' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(300)
  rubrik?: string;

  @ApiProperty({ description: 'The point itself; `[^n]` refers to footnote n of this synpunkt' })
  @IsString()
  @MaxLength(TEXT)
  text!: string;

  @ApiPropertyOptional({ description: 'The remisshandling referred to (of this remiss)' })
  @OptionalNotNull()
  @IsUUID()
  remisshandlingId?: string;

  @ApiPropertyOptional({ description: 'Page of the remisshandling, 1-based', example: 5 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  sida?: number;

  @ApiPropertyOptional({ description: 'Words leading into the quotation', example: 'I policyn framgår:' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(300)
  citatinledning?: string;

  @ApiPropertyOptional({ description: 'Quoted text; must occur on the cited page' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(TEXT)
  citat?: string;

  @ApiPropertyOptional({ description: 'andringsforslag: the text to strike or replace' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(TEXT)
  strykText?: string;

  @ApiPropertyOptional({ description: 'andringsforslag: the proposed text (absent: strike only)' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(TEXT)
  nyText?: string;

  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(TEXT, { each: true })
  fotnoter?: string[];
}

@Faltnamn({ fraga: 'fråga', text: 'svar på frågan' })
export class FragesvarDto {
  @ApiProperty({ description: "The fråga's nummer in the remiss' frågor", example: 1 })
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  fraga!: number;

  @ApiProperty({ description: 'The answer; blank means not answered' })
  @IsString()
  @MaxLength(TEXT)
  text!: string;
}

@Faltnamn({ fragesvar: 'svar på frågor', stallning: 'ställning' })
export class RemissvarInnehallDto {
  @ApiPropertyOptional({ example: 'Svar på remiss om policy för digital omställning' })
  @OptionalNotNull()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  titel?: string;

  @ApiProperty({ description: 'Paragraphs separated by a blank line; `[^n]` refers to footnote n' })
  @IsString()
  @MaxLength(TEXT)
  inledning!: string;

  @ApiProperty({ type: [SynpunktDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SynpunktDto)
  synpunkter!: SynpunktDto[];

  @ApiProperty()
  @IsString()
  @MaxLength(TEXT)
  avslutning!: string;

  @ApiPropertyOptional({ type: [String], description: 'Footnotes of inledning and avslutning' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(TEXT, { each: true })
  fotnoter?: string[];

  @ApiPropertyOptional({
    enum: REMISSVAR_STALLNINGAR,
    description: 'The overall position; absent while undecided, required before for-beslut',
  })
  @OptionalNotNull()
  @IsIn(REMISSVAR_STALLNINGAR)
  stallning?: RemissvarStallning;

  @ApiPropertyOptional({ type: [FragesvarDto], description: "Answers to the remiss' frågor, at most one per fråga" })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FragesvarDto)
  fragesvar?: FragesvarDto[];
}

export class SparaRemissvarDto extends RemissvarInnehallDto {
  @ApiPropertyOptional({ description: 'The version this edit is based on; or send it as If-Match' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  version?: number;
}

@Faltnamn({
  typ: 'beslutstyp',
  sammantradesdatum: 'sammanträdesdatum',
  delegatNamn: 'delegatens namn',
  delegatTitel: 'delegatens titel',
})
export class BeslutDto {
  @ApiProperty({ enum: ['namndbeslut', 'delegationsbeslut'] })
  @IsIn(['namndbeslut', 'delegationsbeslut'])
  typ!: 'namndbeslut' | 'delegationsbeslut';

  @ApiPropertyOptional({ description: 'namndbeslut: the date of the sammanträde', example: '2025-04-23' })
  @OptionalNotNull()
  @IsDatum()
  sammantradesdatum?: string;

  @ApiPropertyOptional({ description: 'namndbeslut: the paragraph of the protokoll', example: '§ 45' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(20)
  paragraf?: string;

  @ApiPropertyOptional({ description: 'delegationsbeslut: the delegat' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  delegatNamn?: string;

  @ApiPropertyOptional({ description: "delegationsbeslut: the delegat's title" })
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  delegatTitel?: string;

  @ApiPropertyOptional({ description: 'delegationsbeslut: the date of the decision', example: '2025-04-23' })
  @OptionalNotNull()
  @IsDatum()
  beslutsdatum?: string;
}

export class RegistreraDto {
  @ApiPropertyOptional({
    description: "An entered dnr in the nämnd's diarium; allocated when absent",
    example: 'UN2025/412',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(40)
  diarienummer?: string;
}

export class NamndAvstaDto {
  @ApiPropertyOptional({
    description: 'A short reason, shown in the letter',
    example: 'Nämnden avstår från att yttra sig.',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  motivering?: string;
}
