import { ApiProperty } from '@nestjs/swagger';
import type { Arende, Diarium, Handling, HandlingRiktning } from '@app/database';

const tid = { type: String, format: 'date-time' } as const;
const uuidEllerNull = { type: String, format: 'uuid', nullable: true } as const;

export class DiariumResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) enhetId!: string;
  @ApiProperty() namn!: string;
  @ApiProperty({ example: 'UN' }) prefix!: string;
  @ApiProperty({ example: '{prefix}{year}/{seq}' }) format!: string;
  @ApiProperty(tid) createdAt!: Date;
}

export class ArendeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) diariumId!: string;
  @ApiProperty({ example: 'UN2025/412' }) diarienummer!: string;
  @ApiProperty() ar!: number;
  @ApiProperty() lopnummer!: number;
  @ApiProperty() arendemening!: string;
  @ApiProperty(uuidEllerNull) createdBy!: string | null;
  @ApiProperty(tid) createdAt!: Date;
}

export class HandlingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) arendeId!: string;
  @ApiProperty() lopnummer!: number;
  @ApiProperty({ enum: ['inkommande', 'utgaende', 'upprattad'] }) riktning!: HandlingRiktning;
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty({ type: String, nullable: true }) motpart!: string | null;
  @ApiProperty() beskrivning!: string;
  @ApiProperty(uuidEllerNull) filId!: string | null;
  @ApiProperty({ ...uuidEllerNull, description: 'The same document as an editable file (an answer as DOCX)' })
  redigerbarFilId!: string | null;
  @ApiProperty(uuidEllerNull) registreradAv!: string | null;
  @ApiProperty(tid) createdAt!: Date;
}

export class ArendeMedHandlingarResponse {
  @ApiProperty({ type: ArendeResponse }) arende!: ArendeResponse;
  @ApiProperty({ type: [HandlingResponse] }) handlingar!: HandlingResponse[];
}

export const toDiariumResponse = (d: Diarium): DiariumResponse => ({
  id: d.id,
  organisationId: d.organisationId,
  enhetId: d.enhetId,
  namn: d.namn,
  prefix: d.prefix,
  format: d.format,
  createdAt: d.createdAt,
});

export const toArendeResponse = (a: Arende): ArendeResponse => ({
  id: a.id,
  organisationId: a.organisationId,
  diariumId: a.diariumId,
  diarienummer: a.diarienummer,
  ar: a.ar,
  lopnummer: a.lopnummer,
  arendemening: a.arendemening,
  createdBy: a.createdBy,
  createdAt: a.createdAt,
});

export const toHandlingResponse = (h: Handling): HandlingResponse => ({
  id: h.id,
  organisationId: h.organisationId,
  arendeId: h.arendeId,
  lopnummer: h.lopnummer,
  riktning: h.riktning,
  datum: h.datum,
  motpart: h.motpart,
  beskrivning: h.beskrivning,
  filId: h.filId,
  redigerbarFilId: h.redigerbarFilId,
  registreradAv: h.registreradAv,
  createdAt: h.createdAt,
});
