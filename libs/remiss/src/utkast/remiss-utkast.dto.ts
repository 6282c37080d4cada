import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsEmail, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested,
} from 'class-validator';

const DATUM = /^\d{4}-\d{2}-\d{2}$/;

export class KontaktpersonDto {
  @ApiProperty({ example: 'Karin Lind' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  namn!: string;

  @ApiPropertyOptional({ example: 'karin.lind@enkoping.se' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  epost?: string;

  @ApiPropertyOptional({ example: '0171-62 50 00' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  telefon?: string;
}

/** Either `enhetId` (an enhet of the own or another organisation of the platform) or `namn` + `epost` (an external party). */
export class MottagareDto {
  @ApiPropertyOptional({ description: 'An enhet of any organisation on the platform' })
  @IsOptional()
  @IsUUID()
  enhetId?: string;

  @ApiPropertyOptional({ description: 'External party: name', example: 'Region Uppsala' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  namn?: string;

  @ApiPropertyOptional({ description: 'External party: e-mail that receives the personal link', example: 'registrator@regionuppsala.se' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  epost?: string;
}

export class NyRemissDto {
  @ApiProperty({ example: 'Förslag till policy för digital omställning' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  arendemening!: string;

  @ApiPropertyOptional({ description: "The sender's diarium; by default that of the enhet where the caller is remissansvarig" })
  @IsOptional()
  @IsUUID()
  diariumId?: string;

  @ApiPropertyOptional({ description: 'An existing diarienummer (validated, unique); allocated when absent', example: 'KS2025/118' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  diarienummer?: string;

  @ApiPropertyOptional({ description: 'The covering letter (missiv); paragraphs separated by a blank line' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  missiv?: string;

  @ApiProperty({ example: '2026-05-15', description: 'A working day at least REMISS_MIN_SVARSTID_ARBETSDAGAR working days away' })
  @Matches(DATUM, { message: 'svarsdatum must be a date YYYY-MM-DD' })
  svarsdatum!: string;

  @ApiPropertyOptional({ type: KontaktpersonDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => KontaktpersonDto)
  kontaktperson?: KontaktpersonDto;

  @ApiPropertyOptional({ type: [MottagareDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => MottagareDto)
  mottagare?: MottagareDto[];

  @ApiPropertyOptional({ type: [String], description: 'Questions the instanser are asked to answer' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  fragor?: string[];
}

/** Every field of a draft may change except its diarienummer. */
export class AndraRemissDto extends PartialType(OmitType(NyRemissDto, ['diariumId', 'diarienummer'] as const)) {
  @ApiPropertyOptional({ description: 'The version the client edited; a stale one gives 409 and nothing is changed' })
  @IsOptional()
  @IsInt()
  version?: number;
}
