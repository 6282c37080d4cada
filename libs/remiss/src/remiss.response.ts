import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Remiss,
  REMISS_STATUSAR,
  Remissfraga,
  Remisshandling,
  Remissinstans,
  REMISSHANDLING_SLAG,
  RemisshandlingSlag,
  REMISSINSTANS_STATUSAR,
  RemissinstansStatus,
  RemissStatus,
  UtkastMottagare,
} from '@app/database';

const tid = { type: String, format: 'date-time' } as const;
const tidEllerNull = { ...tid, nullable: true } as const;
const uuidEllerNull = { type: String, format: 'uuid', nullable: true } as const;
const textEllerNull = { type: String, nullable: true } as const;

export class RemissfragaResponse {
  @ApiProperty() nummer!: number;
  @ApiProperty() text!: string;
}

export class UtkastMottagareResponse {
  @ApiProperty({ enum: ['enhet', 'extern'] }) typ!: 'enhet' | 'extern';
  @ApiPropertyOptional({ format: 'uuid' }) enhetId?: string;
  @ApiPropertyOptional() namn?: string;
  @ApiPropertyOptional() epost?: string;
}

/** A remiss as its sender (and, once sent, its recipients) read it. */
export class RemissResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) avsandareEnhetId!: string;
  @ApiProperty(uuidEllerNull) arendeId!: string | null;
  @ApiProperty({ example: 'KS2025/118' }) diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty() missiv!: string;
  @ApiProperty({ format: 'date' }) svarsdatum!: string;
  @ApiProperty(textEllerNull) kontaktpersonNamn!: string | null;
  @ApiProperty(textEllerNull) kontaktpersonEpost!: string | null;
  @ApiProperty(textEllerNull) kontaktpersonTelefon!: string | null;
  @ApiProperty({ type: [RemissfragaResponse] }) fragor!: Remissfraga[];
  @ApiPropertyOptional({
    type: [UtkastMottagareResponse],
    description: 'The planned recipients of a draft: only for the sending organisation',
  })
  utkastMottagare?: UtkastMottagare[];
  @ApiProperty({ enum: REMISS_STATUSAR }) status!: RemissStatus;
  @ApiProperty(uuidEllerNull) missivFilId!: string | null;
  @ApiProperty(tidEllerNull) utskickadAt!: Date | null;
  @ApiProperty(tidEllerNull) avslutadAt!: Date | null;
  @ApiProperty(tidEllerNull) aterkalladAt!: Date | null;
  @ApiProperty(textEllerNull) aterkalladOrsak!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty(uuidEllerNull) createdBy!: string | null;
  @ApiProperty(tid) createdAt!: Date;
  @ApiProperty(tid) updatedAt!: Date;
}

export class RemisshandlingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) remissId!: string;
  @ApiProperty() titel!: string;
  @ApiProperty({ format: 'uuid' }) filId!: string;
  @ApiProperty() sidantal!: number;
  @ApiProperty() ordning!: number;
  @ApiProperty({
    enum: REMISSHANDLING_SLAG,
    description: 'ursprunglig: sent with the remiss; komplettering or rattelse: added after sending',
  })
  slag!: RemisshandlingSlag;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The remisshandling this one corrects or supplements',
  })
  avserId!: string | null;
  @ApiProperty(tid) createdAt!: Date;
}

export class RemissinstansResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) remissId!: string;
  @ApiProperty() namn!: string;
  @ApiProperty(uuidEllerNull) mottagareOrganisationId!: string | null;
  @ApiProperty(uuidEllerNull) mottagareEnhetId!: string | null;
  @ApiProperty(textEllerNull) externEpost!: string | null;
  @ApiProperty({ enum: REMISSINSTANS_STATUSAR }) status!: RemissinstansStatus;
  @ApiProperty({ format: 'date' }) svarsdatum!: string;
  @ApiProperty(textEllerNull) anstandOrsak!: string | null;
  @ApiProperty(uuidEllerNull) mottagareArendeId!: string | null;
  @ApiProperty(textEllerNull) mottagareDiarienummer!: string | null;
  @ApiProperty(uuidEllerNull) handlaggareId!: string | null;
  @ApiProperty(tidEllerNull) registreradAt!: Date | null;
  @ApiProperty(tidEllerNull) besvaradAt!: Date | null;
  @ApiProperty(tidEllerNull) avstodAt!: Date | null;
  @ApiProperty(uuidEllerNull) externSvarFilId!: string | null;
  @ApiProperty(textEllerNull) avstarMotivering!: string | null;
  @ApiProperty(tidEllerNull) lankAterkalladAt!: Date | null;
  @ApiProperty() version!: number;
  @ApiProperty(tid) createdAt!: Date;
  @ApiProperty(tid) updatedAt!: Date;
}

export class RemissDetaljResponse extends RemissResponse {
  @ApiProperty({ type: [RemisshandlingResponse] }) handlingar!: RemisshandlingResponse[];
  @ApiProperty({ type: [RemissinstansResponse], description: 'All for the sender; a recipient sees its own' })
  instanser!: RemissinstansResponse[];
}

/** A remiss as `caller` may read it: the planned recipients of a draft are the sender's business only. */
export function toRemissResponse(r: Remiss, egen: boolean): RemissResponse {
  return {
    id: r.id,
    organisationId: r.organisationId,
    avsandareEnhetId: r.avsandareEnhetId,
    arendeId: r.arendeId,
    diarienummer: r.diarienummer,
    arendemening: r.arendemening,
    missiv: r.missiv,
    svarsdatum: r.svarsdatum,
    kontaktpersonNamn: r.kontaktpersonNamn,
    kontaktpersonEpost: r.kontaktpersonEpost,
    kontaktpersonTelefon: r.kontaktpersonTelefon,
    fragor: r.fragor,
    ...(egen ? { utkastMottagare: r.utkastMottagare } : {}),
    status: r.status,
    missivFilId: r.missivFilId,
    utskickadAt: r.utskickadAt,
    avslutadAt: r.avslutadAt,
    aterkalladAt: r.aterkalladAt,
    aterkalladOrsak: r.aterkalladOrsak,
    version: r.version,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export const toRemisshandlingResponse = (h: Remisshandling): RemisshandlingResponse => ({
  id: h.id,
  organisationId: h.organisationId,
  remissId: h.remissId,
  titel: h.titel,
  filId: h.filId,
  sidantal: h.sidantal,
  ordning: h.ordning,
  slag: h.slag,
  avserId: h.avserId,
  createdAt: h.createdAt,
});

export const toRemissinstansResponse = (i: Remissinstans): RemissinstansResponse => ({
  id: i.id,
  organisationId: i.organisationId,
  remissId: i.remissId,
  namn: i.namn,
  mottagareOrganisationId: i.mottagareOrganisationId,
  mottagareEnhetId: i.mottagareEnhetId,
  externEpost: i.externEpost,
  status: i.status,
  svarsdatum: i.svarsdatum,
  anstandOrsak: i.anstandOrsak,
  mottagareArendeId: i.mottagareArendeId,
  mottagareDiarienummer: i.mottagareDiarienummer,
  handlaggareId: i.handlaggareId,
  registreradAt: i.registreradAt,
  besvaradAt: i.besvaradAt,
  avstodAt: i.avstodAt,
  externSvarFilId: i.externSvarFilId,
  avstarMotivering: i.avstarMotivering,
  lankAterkalladAt: i.lankAterkalladAt,
  version: i.version,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
});
