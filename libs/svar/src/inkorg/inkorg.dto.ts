import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Faltnamn, SidQuery } from '@app/core';
import { REMISSINSTANS_STATUSAR, RemissinstansStatus } from '@app/database';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const INKORG_SORTERING = ['svarsdatum', 'utskickad', 'arendemening', 'status', 'diarienummer'] as const;
export type InkorgSortering = (typeof INKORG_SORTERING)[number];

/** A filter left empty is no filter: a page's GET form sends every field, chosen or not. */
const tomSomUtelamnad = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

@Faltnamn({ forsenad: 'försenad' })
export class InkorgQuery extends SidQuery {
  @ApiPropertyOptional({ enum: INKORG_SORTERING, default: 'svarsdatum' })
  @IsOptional()
  @IsIn(INKORG_SORTERING)
  sort: InkorgSortering = 'svarsdatum';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';

  @ApiPropertyOptional({ enum: REMISSINSTANS_STATUSAR, description: 'Only instanser in this state' })
  @IsOptional()
  @Transform(tomSomUtelamnad)
  @IsIn(REMISSINSTANS_STATUSAR)
  status?: RemissinstansStatus;

  @ApiPropertyOptional({ description: 'true: only those past their svarsdatum and not answered; false: the others' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value))
  @IsBoolean()
  forsenad?: boolean;

  @ApiPropertyOptional({ description: 'Text in the ärendemening or either dnr' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class InkorgRad {
  @ApiProperty() instansId!: string;
  @ApiProperty({ enum: REMISSINSTANS_STATUSAR }) status!: RemissinstansStatus;
  @ApiProperty({ description: 'Past svarsdatum (23.59 Stockholm time) and neither besvarad nor avstår' })
  forsenad!: boolean;
  @ApiProperty({ example: '2025-05-15' }) svarsdatum!: string;
  @ApiProperty({ example: 'senast 2025-05-15 kl. 23.59' }) svarsdatumText!: string;
  @ApiProperty({ nullable: true, type: String, example: 'UN2025/412' }) mottagareDiarienummer!: string | null;
  @ApiProperty() remissId!: string;
  @ApiProperty({ example: 'KS2025/118' }) avsandarDiarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty({ example: 'Kommunstyrelsen' }) avsandare!: string;
  @ApiProperty({ nullable: true, type: Date }) utskickadAt!: Date | null;
  @ApiProperty({ description: "The remiss' own state (återkallad remisser stay listed, frozen)" })
  remissStatus!: string;
  @ApiProperty({ nullable: true, description: 'The draft or answer, when one exists' }) remissvar!: {
    id: string;
    status: string;
    typ: string;
    version: number;
  } | null;
}

export class InkorgSida {
  @ApiProperty({ type: [InkorgRad] }) items!: InkorgRad[];
  @ApiProperty({ description: 'Counted up to 1000; beyond that 1000, with totalCapped' }) total!: number;
  @ApiProperty({ description: 'More rows match than total says (shown as "1000+")' }) totalCapped!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
