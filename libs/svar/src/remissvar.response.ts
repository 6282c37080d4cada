import { ApiProperty } from '@nestjs/swagger';
import {
  Beslut,
  BeslutTyp,
  Fragesvar,
  Remissvar,
  REMISSVAR_STALLNINGAR,
  REMISSVAR_STATUSAR,
  RemissvarStallning,
  RemissvarRevision,
  RemissvarStatus,
  RemissvarTyp,
  Synpunkt,
  SYNPUNKT_TYPER,
  SynpunktTyp,
} from '@app/database';

const tid = { type: String, format: 'date-time' } as const;
const tidEllerNull = { ...tid, nullable: true } as const;
const uuidEllerNull = { type: String, format: 'uuid', nullable: true } as const;
const textEllerNull = { type: String, nullable: true } as const;

export class SynpunktResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) remissvarId!: string;
  @ApiProperty() ordning!: number;
  @ApiProperty({ enum: SYNPUNKT_TYPER }) typ!: SynpunktTyp;
  @ApiProperty(textEllerNull) rubrik!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty(uuidEllerNull) remisshandlingId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sida!: number | null;
  @ApiProperty(textEllerNull) citat!: string | null;
  @ApiProperty(textEllerNull) citatinledning!: string | null;
  @ApiProperty(textEllerNull) strykText!: string | null;
  @ApiProperty(textEllerNull) nyText!: string | null;
  @ApiProperty({ type: [String] }) fotnoter!: string[];
}

export class FragesvarResponse {
  @ApiProperty({ description: "The fråga's nummer in the remiss' frågor" }) fraga!: number;
  @ApiProperty() text!: string;
}

export class BeslutResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) remissvarId!: string;
  @ApiProperty({ enum: ['namndbeslut', 'delegationsbeslut'] }) typ!: BeslutTyp;
  @ApiProperty({ format: 'date' }) beslutsdatum!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) sammantradesdatum!: string | null;
  @ApiProperty(textEllerNull) paragraf!: string | null;
  @ApiProperty(textEllerNull) delegatNamn!: string | null;
  @ApiProperty(textEllerNull) delegatTitel!: string | null;
  @ApiProperty(uuidEllerNull) createdBy!: string | null;
  @ApiProperty(tid) createdAt!: Date;
}

/** One remissvar with its synpunkter and beslut; its `version` is the ETag. */
export class RemissvarResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The answering organisation' }) organisationId!: string;
  @ApiProperty(uuidEllerNull) enhetId!: string | null;
  @ApiProperty({ format: 'uuid' }) remissinstansId!: string;
  @ApiProperty({ enum: ['yttrande', 'avstar'] }) typ!: RemissvarTyp;
  @ApiProperty({ enum: REMISSVAR_STATUSAR }) status!: RemissvarStatus;
  @ApiProperty() titel!: string;
  @ApiProperty() inledning!: string;
  @ApiProperty() avslutning!: string;
  @ApiProperty({ type: [String] }) fotnoter!: string[];
  @ApiProperty({ enum: REMISSVAR_STALLNINGAR, nullable: true, description: 'Null while undecided' })
  stallning!: RemissvarStallning | null;
  @ApiProperty({ type: [FragesvarResponse], description: 'Answers to the frågor, in fråga order' })
  fragesvar!: FragesvarResponse[];
  @ApiProperty() version!: number;
  @ApiProperty(uuidEllerNull) slutligFilId!: string | null;
  @ApiProperty(tidEllerNull) expedieradAt!: Date | null;
  @ApiProperty(uuidEllerNull) expedieradAv!: string | null;
  @ApiProperty(uuidEllerNull) createdBy!: string | null;
  @ApiProperty(tid) createdAt!: Date;
  @ApiProperty(tid) updatedAt!: Date;
  @ApiProperty({ type: [SynpunktResponse] }) synpunkter!: SynpunktResponse[];
  @ApiProperty({ type: BeslutResponse, nullable: true }) beslut!: BeslutResponse | null;
}

/** The ETag every answer carrying a remissvar sets: its version, to send back as If-Match. */
export const REMISSVAR_ETAG = {
  ETag: {
    description: 'The version of the remissvar, quoted ("3"); send it back as If-Match',
    schema: { type: 'string' },
  },
};

class RevisionAnvandareResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() namn!: string;
}

export class RevisionRadResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'What changed, in Swedish' }) andring!: string;
  @ApiProperty(tid) createdAt!: Date;
  @ApiProperty({ type: RevisionAnvandareResponse, nullable: true }) anvandare!: RevisionAnvandareResponse | null;
}

export class RevisionSidaResponse {
  @ApiProperty({ type: [RevisionRadResponse] }) items!: RevisionRadResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** A synpunkt as a revision keeps it; revisions saved before synpunkter kept their ids have none. */
export class RevisionSynpunktResponse {
  @ApiProperty(uuidEllerNull) id!: string | null;
  @ApiProperty({ enum: SYNPUNKT_TYPER }) typ!: SynpunktTyp;
  @ApiProperty(textEllerNull) rubrik!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty(uuidEllerNull) remisshandlingId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sida!: number | null;
  @ApiProperty(textEllerNull) citatinledning!: string | null;
  @ApiProperty(textEllerNull) citat!: string | null;
  @ApiProperty(textEllerNull) strykText!: string | null;
  @ApiProperty(textEllerNull) nyText!: string | null;
  @ApiProperty({ type: [String] }) fotnoter!: string[];
}

/** The whole content of the answer as it was saved in one version. */
export class RevisionInnehallResponse {
  @ApiProperty({ enum: REMISSVAR_STATUSAR }) status!: RemissvarStatus;
  @ApiProperty() titel!: string;
  @ApiProperty() inledning!: string;
  @ApiProperty() avslutning!: string;
  @ApiProperty({ type: [String] }) fotnoter!: string[];
  @ApiProperty({ enum: REMISSVAR_STALLNINGAR, nullable: true }) stallning!: RemissvarStallning | null;
  @ApiProperty({ type: [FragesvarResponse] }) fragesvar!: FragesvarResponse[];
  @ApiProperty({ type: [RevisionSynpunktResponse] }) synpunkter!: RevisionSynpunktResponse[];
}

/** One revision: who saved it, when, what changed, and the content as saved then. */
export class RevisionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) remissvarId!: string;
  @ApiProperty() version!: number;
  @ApiProperty(uuidEllerNull) anvandareId!: string | null;
  @ApiProperty({ type: RevisionAnvandareResponse, nullable: true }) anvandare!: RevisionAnvandareResponse | null;
  @ApiProperty({ type: RevisionInnehallResponse }) innehall!: RevisionInnehallResponse;
  @ApiProperty({ description: 'What changed, in Swedish' }) andring!: string;
  @ApiProperty(tid) createdAt!: Date;
}

export const toSynpunktResponse = (s: Synpunkt): SynpunktResponse => ({
  id: s.id,
  remissvarId: s.remissvarId,
  ordning: s.ordning,
  typ: s.typ,
  rubrik: s.rubrik,
  text: s.text,
  remisshandlingId: s.remisshandlingId,
  sida: s.sida,
  citat: s.citat,
  citatinledning: s.citatinledning,
  strykText: s.strykText,
  nyText: s.nyText,
  fotnoter: s.fotnoter,
});

export const toBeslutResponse = (b: Beslut): BeslutResponse => ({
  id: b.id,
  remissvarId: b.remissvarId,
  typ: b.typ,
  beslutsdatum: b.beslutsdatum,
  sammantradesdatum: b.sammantradesdatum,
  paragraf: b.paragraf,
  delegatNamn: b.delegatNamn,
  delegatTitel: b.delegatTitel,
  createdBy: b.createdBy,
  createdAt: b.createdAt,
});

export function toRemissvarResponse(s: Remissvar, synpunkter: Synpunkt[], beslut: Beslut | null): RemissvarResponse {
  return {
    id: s.id,
    organisationId: s.organisationId,
    enhetId: s.enhetId,
    remissinstansId: s.remissinstansId,
    typ: s.typ,
    status: s.status,
    titel: s.titel,
    inledning: s.inledning,
    avslutning: s.avslutning,
    fotnoter: s.fotnoter,
    stallning: s.stallning,
    fragesvar: s.fragesvar.map((f) => ({ fraga: f.fraga, text: f.text })),
    version: s.version,
    slutligFilId: s.slutligFilId,
    expedieradAt: s.expedieradAt,
    expedieradAv: s.expedieradAv,
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    synpunkter: synpunkter.map(toSynpunktResponse),
    beslut: beslut && toBeslutResponse(beslut),
  };
}

type SparadSynpunkt = Partial<RevisionSynpunktResponse> & Omit<RevisionSynpunktResponse, 'id' | 'citatinledning'>;
type SparatInnehall = Omit<RevisionInnehallResponse, 'stallning' | 'fragesvar' | 'synpunkter'> & {
  stallning?: RemissvarStallning | null;
  fragesvar?: Fragesvar[];
  synpunkter: SparadSynpunkt[];
};

/**
 * A revision as its reader gets it. Its content is the jsonb saved then: older revisions lack what
 * the content gained later (synpunkt ids, citatinledning, stallning, fragesvar) and read as absent.
 */
export function toRevisionResponse(
  r: RemissvarRevision & { anvandare: RevisionAnvandareResponse | null },
): RevisionResponse {
  const innehall = r.innehall as unknown as SparatInnehall;
  return {
    id: r.id,
    remissvarId: r.remissvarId,
    version: r.version,
    anvandareId: r.anvandareId,
    anvandare: r.anvandare,
    innehall: {
      status: innehall.status,
      titel: innehall.titel,
      inledning: innehall.inledning,
      avslutning: innehall.avslutning,
      fotnoter: innehall.fotnoter,
      stallning: innehall.stallning ?? null,
      fragesvar: (innehall.fragesvar ?? []).map((f) => ({ fraga: f.fraga, text: f.text })),
      synpunkter: innehall.synpunkter.map((p) => ({
        id: p.id ?? null,
        typ: p.typ,
        rubrik: p.rubrik,
        text: p.text,
        remisshandlingId: p.remisshandlingId,
        sida: p.sida,
        citatinledning: p.citatinledning ?? null,
        citat: p.citat,
        strykText: p.strykText,
        nyText: p.nyText,
        fotnoter: p.fotnoter,
      })),
    },
    andring: r.andring,
    createdAt: r.createdAt,
  };
}
