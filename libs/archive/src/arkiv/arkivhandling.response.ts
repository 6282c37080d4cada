import { ApiProperty } from '@nestjs/swagger';
import type { Arkivhandling, HandlingRiktning } from '@app/database';
import type { Arkivmetadata, Dokumenttyp, Verifiering } from './arkivhandling.repository';

const tid = { type: String, format: 'date-time' } as const;
const textEllerNull = { type: String, nullable: true } as const;
const DOKUMENTTYPER: Dokumenttyp[] = [
  'remissvar',
  'avstaende',
  'missiv',
  'remissammanstallning',
  'externt_remissvar',
  'inkommen_handling',
];

export class VerifieringResponse {
  @ApiProperty({ enum: ['ok', 'avvikelse'] }) resultat!: 'ok' | 'avvikelse';
  @ApiProperty({ description: "The original's bytes hash to its stored SHA-256" }) originalOk!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Likewise the PDF/A rendition (null: none yet)' })
  pdfaOk!: boolean | null;
  @ApiProperty({ ...textEllerNull, description: 'Who asked; null for the scheduled check' })
  kontrolleradAv!: string | null;
  @ApiProperty(tid) kontrolleradAt!: Date;
}

export class PdfaResponse {
  @ApiProperty({ enum: ['klar', 'vantar'] }) status!: 'klar' | 'vantar';
  @ApiProperty(textEllerNull) sha256!: string | null;
  @ApiProperty({ ...tid, nullable: true }) skapadAt!: Date | null;
}

export class ArkivhandlingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() titel!: string;
  @ApiProperty({ example: 'UN2025/412' }) diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty({ enum: DOKUMENTTYPER }) dokumenttyp!: Dokumenttyp;
  @ApiProperty({ enum: ['inkommande', 'utgaende', 'upprattad'] }) riktning!: HandlingRiktning;
  @ApiProperty(textEllerNull) motpart!: string | null;
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty() upphov!: string;
  @ApiProperty(textEllerNull) beslut!: string | null;
  @ApiProperty(textEllerNull) registreradAv!: string | null;
  @ApiProperty() filnamn!: string;
  @ApiProperty(tid) arkiveradAt!: Date;
  @ApiProperty({ description: "SHA-256 (hex) of the original's bytes at archiving" }) sha256!: string;
  @ApiProperty({ type: PdfaResponse }) pdfa!: PdfaResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ersatterId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ersattAvId!: string | null;
  @ApiProperty({ type: [VerifieringResponse], description: 'The latest verifications, newest first' })
  verifieringar!: VerifieringResponse[];
}

export const toVerifieringResponse = (v: Verifiering): VerifieringResponse => ({
  resultat: v.originalOk && v.pdfaOk !== false ? 'ok' : 'avvikelse',
  originalOk: v.originalOk,
  pdfaOk: v.pdfaOk,
  kontrolleradAv: v.kontrolleradAvNamn,
  kontrolleradAt: v.kontrolleradAt,
});

export function toArkivhandlingResponse(
  a: Arkivhandling,
  ersattAvId: string | null,
  verifieringar: Verifiering[],
): ArkivhandlingResponse {
  const m = a.metadata as unknown as Arkivmetadata;
  return {
    id: a.id,
    titel: a.titel,
    diarienummer: a.diarienummer,
    arendemening: m.arendemening,
    dokumenttyp: m.dokumenttyp,
    riktning: m.riktning,
    motpart: m.motpart,
    datum: m.datum,
    upphov: m.upphov,
    beslut: m.beslut,
    registreradAv: m.registreradAv?.namn ?? null,
    filnamn: m.filnamn,
    arkiveradAt: a.arkiveradAt,
    sha256: a.sha256,
    pdfa: a.pdfaFilId
      ? { status: 'klar', sha256: a.pdfaSha256, skapadAt: a.pdfaAt }
      : { status: 'vantar', sha256: null, skapadAt: null },
    ersatterId: a.ersatterId,
    ersattAvId,
    verifieringar: verifieringar.map(toVerifieringResponse),
  };
}
