import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A row of the recipient directory; `typ` and `funktionsbrevlada` only for the caller's own organisation. */
export class RemissmottagareResponse {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ example: 'Enköpings kommun' }) organisation!: string;
  @ApiProperty({ format: 'uuid' }) enhetId!: string;
  @ApiProperty({ example: 'Utbildningsnämnden' }) enhet!: string;
  @ApiProperty({ example: 'UN' }) kortnamn!: string;
  @ApiPropertyOptional({ description: 'Own organisation only' }) typ?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Own organisation only' })
  funktionsbrevlada?: string | null;
}
