import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Faltnamn, IsDatum, OptionalNotNull } from '@app/core';
import { IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * What to export from one diarium: one ärende by its diarienummer, or every ärende with handlingar
 * dated in a period (both dates, inclusive).
 */
@Faltnamn({ diariumId: 'diarium', diarienummer: 'diarienummer', fran: 'från och med', till: 'till och med' })
export class NyExportDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { context: { meddelande: 'Välj ett diarium.' } })
  diariumId!: string;

  @ApiPropertyOptional({ description: 'One ärende of the diarium', example: 'KS2025/118' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(40)
  diarienummer?: string;

  @ApiPropertyOptional({ format: 'date', description: 'First day of the period (without diarienummer)' })
  @OptionalNotNull()
  @IsDatum()
  fran?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of the period (without diarienummer)' })
  @OptionalNotNull()
  @IsDatum()
  till?: string;
}
