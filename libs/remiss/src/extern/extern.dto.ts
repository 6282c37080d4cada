import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Optional } from '@app/core';

export class AvstaDto {
  @ApiPropertyOptional({ example: 'Regionen har inga synpunkter på förslaget.' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  motivering?: string;
}
