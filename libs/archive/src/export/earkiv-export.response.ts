import { ApiProperty } from '@nestjs/swagger';
import { PAMINNELSE_STATUSAR, PaminnelseStatus } from '@app/database';
import { EarkivExportRad } from './earkiv-export.repository';

const tid = { type: String, format: 'date-time' } as const;

export class EarkivExportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: "The package's OBJID and the name of its root folder" }) objid!: string;
  @ApiProperty({
    enum: PAMINNELSE_STATUSAR,
    description: 'planerad (queued), skickar (being built), skickad (ready), misslyckad, avbruten',
  })
  status!: PaminnelseStatus;
  @ApiProperty({ format: 'uuid' }) diariumId!: string;
  @ApiProperty() diariumNamn!: string;
  @ApiProperty({ type: String, nullable: true, example: 'KS2025/118' }) diarienummer!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) fran!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) till!: string | null;
  @ApiProperty({ description: 'Archived handlingar in the package' }) antalHandlingar!: number;
  @ApiProperty({ description: 'Handlingar written so far' }) klaraHandlingar!: number;
  @ApiProperty({ type: Number, nullable: true }) paketStorlek!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the zip' }) paketSha256!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed' }) fel!: string | null;
  @ApiProperty(tid) bestalldAt!: Date;
  @ApiProperty({ ...tid, nullable: true }) klarAt!: Date | null;
}

export class EarkivExportSidaResponse {
  @ApiProperty({ type: [EarkivExportResponse] }) items!: EarkivExportResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export const toEarkivExportResponse = (r: EarkivExportRad): EarkivExportResponse => ({
  id: r.id,
  objid: r.objid,
  status: r.status,
  diariumId: r.diariumId,
  diariumNamn: r.diariumNamn,
  diarienummer: r.diarienummer,
  fran: r.fran,
  till: r.till,
  antalHandlingar: r.antalHandlingar,
  klaraHandlingar: r.klaraHandlingar,
  paketStorlek: r.status === 'skickad' ? r.paketStorlek : null,
  paketSha256: r.status === 'skickad' ? r.paketSha256 : null,
  fel: r.status === 'skickad' ? null : r.senasteFel,
  bestalldAt: r.createdAt,
  klarAt: r.skickadAt,
});
