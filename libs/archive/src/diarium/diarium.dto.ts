import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Faltnamn, OptionalNotNull } from '@app/core';
import { IsString, MaxLength, MinLength } from 'class-validator';

@Faltnamn({ arendemening: 'ärendemening' })
export class NyttArendeDto {
  @ApiProperty({ example: 'Remiss: Förslag till policy för digital omställning' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  arendemening!: string;

  @ApiPropertyOptional({
    description: 'An existing number to register under; allocated when absent',
    example: 'UN2025/412',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(40)
  diarienummer?: string;
}
