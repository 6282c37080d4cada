import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Faltnamn, IsDatum, OptionalNotNull, SidQuery } from '@app/core';
import { REMISS_STATUSAR, RemissStatus } from '@app/database';
import { MottagareDto } from '../utkast/remiss-utkast.dto';

/** A GET form sends its empty fields: an empty filter is none. */
const tomSomUtelamnad = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

@Faltnamn({ forsenad: 'försenad', svarsdatumFran: 'svarsdatum från', svarsdatumTill: 'svarsdatum till', ar: 'år' })
export class RemissListQuery extends SidQuery {
  @ApiPropertyOptional({ enum: ['svarsdatum', 'skapad', 'diarienummer', 'arendemening', 'status'], default: 'skapad' })
  @IsOptional()
  @IsIn(['svarsdatum', 'skapad', 'diarienummer', 'arendemening', 'status'])
  sort: 'svarsdatum' | 'skapad' | 'diarienummer' | 'arendemening' | 'status' = 'skapad';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';

  @ApiPropertyOptional({ enum: REMISS_STATUSAR })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsIn(REMISS_STATUSAR)
  status?: RemissStatus;

  @ApiPropertyOptional({ description: 'true: sent remisser with at least one overdue instans; false: the others' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value))
  @IsBoolean()
  forsenad?: boolean;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsDatum()
  svarsdatumFran?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsDatum()
  svarsdatumTill?: string;

  @ApiPropertyOptional({ description: 'Remisser whose svarsdatum falls in this year', example: 2026 })
  @IsOptional()
  @Transform(({ value }) =>
    value === '' ? undefined : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(2000)
  @Max(2100)
  ar?: number;

  @ApiPropertyOptional({ description: 'Words in the ärendemening or the diarienummer' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class AnstandDto {
  @ApiProperty({ example: '2026-06-12' })
  @IsDatum()
  svarsdatum!: string;

  @ApiProperty({ example: 'Nämnden sammanträder först 10 juni' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  orsak!: string;
}

export class OrsakDto {
  @ApiProperty({ example: 'Förslaget omarbetas efter nya direktiv' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  orsak!: string;
}

@Faltnamn({ epost: 'e-postadress' })
export class NyLankDto {
  @ApiPropertyOptional({
    description: 'A corrected address for the external instans: the new link, and its reminders from now on, go there',
    example: 'registrator@regionuppsala.se',
  })
  @OptionalNotNull()
  @IsEmail()
  @MaxLength(254)
  epost?: string;
}

/** A forgotten remissinstans, added after sending: the same choice as a draft's mottagare, with its own svarsdatum. */
export class NyInstansDto extends MottagareDto {
  @ApiPropertyOptional({
    description: "Its own svarsdatum: the remiss' by default; never earlier, and a working day after today",
    example: '2026-06-12',
  })
  @OptionalNotNull()
  @IsDatum()
  svarsdatum?: string;
}

/** A remisshandling added to a sent remiss (the multipart text fields beside the file `fil`). */
@Faltnamn({ ersatterId: 'handlingen som rättas eller kompletteras' })
export class KompletteringDto {
  @ApiPropertyOptional({ example: 'Bilaga 2: kostnadsberäkning' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(500)
  titel?: string;

  @ApiPropertyOptional({
    enum: ['komplettering', 'rattelse'],
    default: 'komplettering',
    description: 'rattelse: a corrected version of `ersatterId`, which stays as it was (quotes keep citing it)',
  })
  @OptionalNotNull()
  @IsIn(['komplettering', 'rattelse'])
  typ?: 'komplettering' | 'rattelse';

  @ApiPropertyOptional({ format: 'uuid', description: 'The remisshandling this one corrects or supplements' })
  @OptionalNotNull()
  @IsUUID()
  ersatterId?: string;
}

/** An answer that came by e-mail or post (the multipart text fields beside the PDF `fil`). */
@Faltnamn({ inkom: 'datum då svaret kom in' })
export class MottagetSvarDto {
  @ApiProperty({ enum: ['svar', 'avstar'], description: 'An answer, or a letter declining to answer' })
  @IsIn(['svar', 'avstar'])
  typ!: 'svar' | 'avstar';

  @ApiProperty({ example: '2026-05-14', description: 'The day it came in: not in the future, not before sending' })
  @IsDatum()
  inkom!: string;
}
