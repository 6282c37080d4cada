import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { OptionalNotNull } from '@app/core';

export class AvstaDto {
  @ApiPropertyOptional({ example: 'Regionen har inga synpunkter på förslaget.' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  motivering?: string;
}
