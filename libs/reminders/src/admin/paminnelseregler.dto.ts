import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { Faltnamn } from '@app/core';
import { PaminnelseregelTyp } from '@app/database';

@Faltnamn({ typ: 'regeltyp' })
export class PaminnelseregelDto {
  @ApiProperty({ enum: ['fore', 'pa_dagen', 'efter', 'veckovis'], example: 'fore' })
  @IsIn(['fore', 'pa_dagen', 'efter', 'veckovis'])
  typ!: PaminnelseregelTyp;

  @ApiProperty({ description: 'Working days before/after svarsdatum (0 for pa_dagen and veckovis)', example: 3 })
  @IsInt()
  @Min(0)
  @Max(60)
  arbetsdagar!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  aktiv!: boolean;
}

export class PaminnelsereglerDto {
  @ApiProperty({ type: [PaminnelseregelDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PaminnelseregelDto)
  regler!: PaminnelseregelDto[];
}
