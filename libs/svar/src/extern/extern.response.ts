import { ApiProperty, OmitType } from '@nestjs/swagger';
import { ErrorCode, Kontaktuppgift } from '@app/core';
import { REMISSINSTANS_STATUSAR, Remissvar, RemissvarRevision, RemissinstansStatus, Synpunkt } from '@app/database';
import { RemissfragaResponse } from '@app/remiss';
import {
  RemissvarResponse,
  RevisionInnehallResponse,
  RevisionResponse,
  toRemissvarResponse,
  toRevisionResponse,
} from '../remissvar.response';

const tid = { type: String, format: 'date-time' } as const;
const textEllerNull = { type: String, nullable: true } as const;

class ExternAvsandareResponse {
  @ApiProperty({ example: 'Enköpings kommun' }) organisation!: string;
  @ApiProperty({ example: 'Kommunstyrelsen' }) enhet!: string;
}

export class KontaktpersonResponse implements Kontaktuppgift {
  @ApiProperty(textEllerNull) namn!: string | null;
  @ApiProperty(textEllerNull) epost!: string | null;
  @ApiProperty(textEllerNull) telefon!: string | null;
}

class ExternRemissUppgifterResponse {
  @ApiProperty({ example: 'KS2025/118' }) diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty() missiv!: string;
  @ApiProperty({ type: [RemissfragaResponse] }) fragor!: RemissfragaResponse[];
  @ApiProperty({ type: KontaktpersonResponse, description: "The remiss' contact person at the sender" })
  kontaktperson!: KontaktpersonResponse;
}

class ExternInstansResponse {
  @ApiProperty() namn!: string;
  @ApiProperty({ enum: REMISSINSTANS_STATUSAR }) status!: RemissinstansStatus;
  @ApiProperty({ format: 'date' }) svarsdatum!: string;
}

class ExternHandlingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() titel!: string;
  @ApiProperty() sidantal!: number;
}

/**
 * The structured answer as its external instans sees it: the nämnd's content model without the
 * ids of the sender's organisation and users, plus the instans' own dnr and contact person.
 */
export class ExternRemissvarResponse extends OmitType(RemissvarResponse, [
  'organisationId',
  'enhetId',
  'remissinstansId',
  'slutligFilId',
  'expedieradAv',
  'createdBy',
  'beslut',
] as const) {
  @ApiProperty({ ...textEllerNull, description: "The instans' own dnr" }) diarienummer!: string | null;
  @ApiProperty({ type: KontaktpersonResponse, description: 'Who answers; the kvittens goes there' })
  kontaktperson!: KontaktpersonResponse;
}

export function toExternRemissvarResponse(svar: Remissvar, synpunkter: Synpunkt[]): ExternRemissvarResponse {
  const {
    organisationId: _o,
    enhetId: _e,
    remissinstansId: _i,
    slutligFilId: _f,
    expedieradAv: _a,
    createdBy: _c,
    beslut: _b,
    ...innehall
  } = toRemissvarResponse(svar, synpunkter, null);
  return {
    ...innehall,
    diarienummer: svar.egetDiarienummer,
    kontaktperson: {
      namn: svar.kontaktpersonNamn,
      epost: svar.kontaktpersonEpost,
      telefon: svar.kontaktpersonTelefon,
    },
  };
}

class ExternRevisionInnehallResponse extends RevisionInnehallResponse {
  @ApiProperty(textEllerNull) diarienummer!: string | null;
  @ApiProperty({ type: KontaktpersonResponse }) kontaktperson!: KontaktpersonResponse;
}

/** One saved version of an external answer: its content then, with its dnr and contact person. */
export class ExternRevisionResponse extends OmitType(RevisionResponse, [
  'anvandareId',
  'anvandare',
  'innehall',
] as const) {
  @ApiProperty({ type: ExternRevisionInnehallResponse }) innehall!: ExternRevisionInnehallResponse;
}

export function toExternRevisionResponse(r: RemissvarRevision): ExternRevisionResponse {
  const { anvandareId: _a, anvandare: _b, innehall, ...revision } = toRevisionResponse({ ...r, anvandare: null });
  const sparat = r.innehall as Partial<Record<string, string | null>>;
  return {
    ...revision,
    innehall: {
      ...innehall,
      diarienummer: sparat.egetDiarienummer ?? null,
      kontaktperson: {
        namn: sparat.kontaktpersonNamn ?? null,
        epost: sparat.kontaktpersonEpost ?? null,
        telefon: sparat.kontaktpersonTelefon ?? null,
      },
    },
  };
}

export const EXTERNA_SATT = ['formular', 'pdf', 'avstar'] as const;

class ExternFilResponse {
  @ApiProperty({ example: 'KS2025-118-Region-Uppsala.pdf' }) filnamn!: string;
  @ApiProperty({ example: 'application/pdf' }) mimetyp!: string;
  @ApiProperty({ description: 'Path under the link to download it', example: 'skickat/pdf' }) lank!: string;
}

/** What the instans sent, shown read-only through its link until the link expires. */
export class ExternSkickatResponse {
  @ApiProperty({ enum: EXTERNA_SATT, description: 'The structured form, an uploaded PDF, or avstår' })
  satt!: (typeof EXTERNA_SATT)[number];
  @ApiProperty(tid) mottagetAt!: Date;
  @ApiProperty({ type: ExternRemissvarResponse, nullable: true, description: 'The structured answer as sent' })
  remissvar!: ExternRemissvarResponse | null;
  @ApiProperty({ type: [ExternFilResponse], description: 'The PDF (and Word file) as received' })
  filer!: ExternFilResponse[];
  @ApiProperty({ ...textEllerNull, description: 'avstår: the reason given' }) motivering!: string | null;
}

/**
 * What an external instans sees through its link: the remiss, and either the answer being written
 * (`oppen`) or what it sent (`skickat`). No ids but the handlingar's and its own answer's.
 */
export class ExternRemissResponse {
  @ApiProperty({ enum: ['oppen', 'skickat'] }) lage!: 'oppen' | 'skickat';
  @ApiProperty({ type: ExternAvsandareResponse }) avsandare!: ExternAvsandareResponse;
  @ApiProperty({ type: ExternRemissUppgifterResponse }) remiss!: ExternRemissUppgifterResponse;
  @ApiProperty({ type: ExternInstansResponse }) instans!: ExternInstansResponse;
  @ApiProperty({ type: [ExternHandlingResponse] }) handlingar!: ExternHandlingResponse[];
  @ApiProperty({ ...tid, description: 'Until when the link works (and shows what was sent)' }) lankGiltigTill!: Date;
  @ApiProperty({ type: ExternRemissvarResponse, nullable: true, description: 'oppen: the started answer, if any' })
  utkast!: ExternRemissvarResponse | null;
  @ApiProperty({ type: ExternSkickatResponse, nullable: true }) skickat!: ExternSkickatResponse | null;
}

/**
 * A link that no longer works, as a page says it: why, in Swedish, and whom to ask (the remiss'
 * contact person). The API answers these with their 410 (or 409) instead.
 */
export interface ExternStangdVy {
  lage: 'stangd';
  orsak: 'aterkallad' | 'utgangen' | 'stangd' | 'anvand';
  kod: ErrorCode;
  meddelande: string;
  avsandare: ExternAvsandareResponse;
  remiss: { diarienummer: string; arendemening: string };
  kontaktperson: Kontaktuppgift;
}

/** A remisshandling's text page by page, as the link's page shows it (to find and copy a quote). */
export interface ExternHandlingstextVy {
  avsandare: ExternAvsandareResponse;
  remiss: { diarienummer: string; arendemening: string };
  handling: { id: string; titel: string; sidantal: number };
  sidor: { nummer: number; text: string }[];
}

/** Everything a page for `/svara/:token` needs to render, whatever state the link is in. */
export type ExternVy = ExternRemissResponse | ExternStangdVy;

/** The receipt of a sent structured answer. */
export class ExternKvittensResponse {
  @ApiProperty({ enum: ['besvarad'] }) status!: 'besvarad';
  @ApiProperty(tid) mottagetAt!: Date;
  @ApiProperty({ example: 'KS2025/118' }) diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty({ example: 'Region Uppsala' }) instans!: string;
  @ApiProperty({ ...textEllerNull, description: "The instans' own dnr" }) egetDiarienummer!: string | null;
  @ApiProperty({ description: 'Where the kvittens with the answer as PDF was mailed' }) kvittensTill!: string;
  @ApiProperty({ example: 'KS2025-118-Region-Uppsala.pdf' }) filnamn!: string;
  @ApiProperty({ ...tid, description: 'Until when the link shows what was sent' }) visasTill!: Date;
}

export class ExternBesvaradResponse {
  @ApiProperty({ enum: ['besvarad'] }) status!: 'besvarad';
}

export class ExternAvstodResponse {
  @ApiProperty({ enum: ['avstar'] }) status!: 'avstar';
}
