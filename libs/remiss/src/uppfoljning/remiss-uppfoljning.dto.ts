import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Faltnamn, IsDatum, OptionalNotNull, SidQuery } from '@app/core';
import { REMISS_STATUSAR, RemissStatus } from '@app/database';

@Faltnamn({ forsenad: 'försenad', svarsdatumFran: 'svarsdatum från', svarsdatumTill: 'svarsdatum till' })
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
  @IsIn(REMISS_STATUSAR)
  status?: RemissStatus;

  @ApiPropertyOptional({ description: 'true: sent remisser with at least one overdue instans; false: the others' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
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
