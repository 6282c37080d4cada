import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class AvstaDto {
  @ApiPropertyOptional({ example: 'Regionen har inga synpunkter på förslaget.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  motivering?: string;
}
