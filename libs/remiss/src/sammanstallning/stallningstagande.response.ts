import { ApiProperty } from '@nestjs/swagger';
import { AktuelltStallningstagandeResponse, SammanstalldSynpunktResponse } from './sammanstallning.response';
import { StallningstagandeRad } from './stallningstagande.repository';

/** One version of the sender's ställningstagande on a synpunkt. */
export class StallningstagandeResponse extends AktuelltStallningstagandeResponse {
  @ApiProperty({ format: 'uuid' }) synpunktId!: string;
}

export const toStallningstagandeResponse = (s: StallningstagandeRad): StallningstagandeResponse => ({
  synpunktId: s.synpunktId,
  version: s.version,
  beslut: s.beslut,
  motivering: s.motivering,
  av: s.av,
  registrerad: new Date(s.createdAt).toISOString(),
});

/** A synpunkt with the current ställningstagande and every earlier one. */
export class SynpunktStallningstagandenResponse {
  @ApiProperty({ format: 'uuid' }) remissId!: string;
  @ApiProperty() diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty({ type: SammanstalldSynpunktResponse }) synpunkt!: SammanstalldSynpunktResponse;
  @ApiProperty({ type: StallningstagandeResponse, nullable: true }) aktuellt!: StallningstagandeResponse | null;
  @ApiProperty({ type: [StallningstagandeResponse], description: 'Every version, newest first' })
  historik!: StallningstagandeResponse[];
}
