import { ApiProperty } from '@nestjs/swagger';
import {
  ARENDE_STATUSAR,
  HANDLING_RIKTNINGAR,
  type Arende,
  type ArendeStatus,
  type Diarium,
  type Handling,
  type HandlingRiktning,
} from '@app/database';

const tid = { type: String, format: 'date-time' } as const;
const uuidEllerNull = { type: String, format: 'uuid', nullable: true } as const;

export class DiariumEnhetResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Utbildningsnämnden' }) namn!: string;
  @ApiProperty({ example: 'UN' }) kortnamn!: string;
}

export class DiariumResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() namn!: string;
  @ApiProperty({ example: 'UN' }) prefix!: string;
  @ApiProperty({ example: '{prefix}{year}/{seq}' }) format!: string;
  @ApiProperty({ example: 'UN2026/1', description: 'How the first number of this year reads' }) exempel!: string;
  @ApiProperty({ type: [DiariumEnhetResponse], description: 'The enheter whose ärenden are numbered here' })
  enheter!: DiariumEnhetResponse[];
  @ApiProperty(tid) createdAt!: Date;
}

export class ArendeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) diariumId!: string;
  @ApiProperty({ format: 'uuid' }) enhetId!: string;
  @ApiProperty({ example: 'UN2025/412' }) diarienummer!: string;
  @ApiProperty() ar!: number;
  @ApiProperty() lopnummer!: number;
  @ApiProperty() arendemening!: string;
  @ApiProperty({ enum: ARENDE_STATUSAR }) status!: ArendeStatus;
  @ApiProperty({ ...tid, nullable: true }) avslutatAt!: Date | null;
  @ApiProperty(uuidEllerNull) createdBy!: string | null;
  @ApiProperty(tid) createdAt!: Date;
}

export class HandlingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) arendeId!: string;
  @ApiProperty() lopnummer!: number;
  @ApiProperty({ enum: HANDLING_RIKTNINGAR }) riktning!: HandlingRiktning;
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null also when sekretess hides it from the caller' })
  motpart!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null when sekretess hides it from the caller' })
  beskrivning!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'OSL 21 kap. 7 §' }) sekretess!: string | null;
  @ApiProperty({ description: 'Sekretess hides motpart, beskrivning and the file from the caller' }) dold!: boolean;
  @ApiProperty(uuidEllerNull) filId!: string | null;
  @ApiProperty({ ...uuidEllerNull, description: 'The same document as an editable file (an answer as DOCX)' })
  redigerbarFilId!: string | null;
  @ApiProperty(uuidEllerNull) registreradAv!: string | null;
  @ApiProperty(tid) createdAt!: Date;
}

export class ArendeMedHandlingarResponse {
  @ApiProperty({ type: ArendeResponse }) arende!: ArendeResponse;
  @ApiProperty({ example: 'Utbildningsnämnden' }) enhet!: string;
  @ApiProperty({ example: 'Utbildningsnämndens diarium' }) diarium!: string;
  @ApiProperty({ type: [HandlingResponse] }) handlingar!: HandlingResponse[];
  @ApiProperty({ description: 'The caller may register handlingar, mark sekretess and close the ärende' })
  skriva!: boolean;
}

export class DiariumTraffResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'UN2025/412' }) diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty({ enum: ARENDE_STATUSAR }) status!: ArendeStatus;
  @ApiProperty({ format: 'uuid' }) enhetId!: string;
  @ApiProperty({ example: 'Utbildningsnämnden' }) enhet!: string;
  @ApiProperty({ format: 'date', description: 'The day the ärende was opened (Stockholm)' }) registrerad!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) senasteHandling!: string | null;
  @ApiProperty() antalHandlingar!: number;
}

export class DiariumSokSida {
  @ApiProperty({ type: [DiariumTraffResponse] }) items!: DiariumTraffResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class DiarieformatResponse {
  @ApiProperty({ example: '{prefix} {year}/{seq:4}' }) format!: string;
  @ApiProperty({ example: 'RJL' }) prefix!: string;
  @ApiProperty({ type: [String], example: ['RJL 2026/0001', 'RJL 2026/0002'] }) exempel!: string[];
}

export const toDiariumResponse = (d: Diarium, enheter: DiariumEnhetResponse[], exempel: string): DiariumResponse => ({
  id: d.id,
  organisationId: d.organisationId,
  namn: d.namn,
  prefix: d.prefix,
  format: d.format,
  exempel,
  enheter,
  createdAt: d.createdAt,
});

export const toArendeResponse = (a: Arende): ArendeResponse => ({
  id: a.id,
  organisationId: a.organisationId,
  diariumId: a.diariumId,
  enhetId: a.enhetId,
  diarienummer: a.diarienummer,
  ar: a.ar,
  lopnummer: a.lopnummer,
  arendemening: a.arendemening,
  status: a.status,
  avslutatAt: a.avslutatAt,
  createdBy: a.createdBy,
  createdAt: a.createdAt,
});

/** A handling as `synlig` lets the caller read it: sekretess hides what it says and who sent it. */
export const toHandlingResponse = (h: Handling, synlig: boolean): HandlingResponse => {
  const dold = h.sekretess !== null && !synlig;
  return {
    id: h.id,
    organisationId: h.organisationId,
    arendeId: h.arendeId,
    lopnummer: h.lopnummer,
    riktning: h.riktning,
    datum: h.datum,
    motpart: dold ? null : h.motpart,
    beskrivning: dold ? null : h.beskrivning,
    sekretess: h.sekretess,
    dold,
    filId: dold ? null : h.filId,
    redigerbarFilId: dold ? null : h.redigerbarFilId,
    registreradAv: h.registreradAv,
    createdAt: h.createdAt,
  };
};
