import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Faltnamn, INT4_MAX, OptionalNotNull } from '@app/core';
import { RemissvarInnehallDto } from '../remissvar.dto';

export class AvstaDto {
  @ApiPropertyOptional({ example: 'Regionen har inga synpunkter på förslaget.' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  motivering?: string;
}

/** Who answers for the external instans; a draft may leave it empty, sending needs namn and epost. */
@Faltnamn({ epost: 'e-postadress', telefon: 'telefonnummer' })
export class ExternKontaktpersonDto {
  @ApiPropertyOptional({ example: 'Lena Ek' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  namn?: string;

  @ApiPropertyOptional({ example: 'lena.ek@regionuppsala.se' })
  @OptionalNotNull()
  @IsEmail()
  @MaxLength(254)
  epost?: string;

  @ApiPropertyOptional({ example: '018-611 00 00' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(40)
  telefon?: string;
}

/** The external instans' structured answer: a nämnd's content, plus its own dnr and contact person. */
@Faltnamn({ diarienummer: 'ert diarienummer' })
export class ExternRemissvarDto extends RemissvarInnehallDto {
  @ApiPropertyOptional({ description: 'The version this edit is based on; absent for the first save' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  version?: number;

  @ApiPropertyOptional({ description: "The instans' own dnr, if it keeps a diarium", example: 'RS 2025-01234' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(40)
  diarienummer?: string;

  @ApiPropertyOptional({ type: ExternKontaktpersonDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => ExternKontaktpersonDto)
  kontaktperson?: ExternKontaktpersonDto;
}

export class SkickaExterntSvarDto {
  @ApiProperty({ description: 'The version being sent (what the sender last saw)' })
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  version!: number;
}
