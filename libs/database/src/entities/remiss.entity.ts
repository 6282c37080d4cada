import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const REMISS_STATUSAR = ['utkast', 'utskickad', 'avslutad', 'aterkallad'] as const;
export type RemissStatus = (typeof REMISS_STATUSAR)[number];

export interface Remissfraga {
  nummer: number;
  text: string;
}

/** A planned recipient of a draft: an enhet (of the own or another organisation of the platform) or an external party. */
export type UtkastMottagare = { typ: 'enhet'; enhetId: string } | { typ: 'extern'; namn: string; epost: string };

/** The consultation a sender (usually KLK) sends out. */
@Entity('remiss')
export class Remiss {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'avsandare_enhet_id', type: 'uuid' }) avsandareEnhetId!: string;
  @Column({ name: 'arende_id', type: 'uuid', nullable: true }) arendeId!: string | null;
  /** The sender's dnr, e.g. KS2025/118. */
  @Column() diarienummer!: string;
  @Column() arendemening!: string;
  @Column() missiv!: string;
  @Column({ type: 'date' }) svarsdatum!: string;
  @Column({ name: 'kontaktperson_namn', type: 'text', nullable: true }) kontaktpersonNamn!: string | null;
  @Column({ name: 'kontaktperson_epost', type: 'text', nullable: true }) kontaktpersonEpost!: string | null;
  @Column({ name: 'kontaktperson_telefon', type: 'text', nullable: true }) kontaktpersonTelefon!: string | null;
  @Column({ type: 'jsonb' }) fragor!: Remissfraga[];
  /** Recipients while an utkast; remissinstans rows are created at send. */
  @Column({ name: 'utkast_mottagare', type: 'jsonb' }) utkastMottagare!: UtkastMottagare[];
  @Column({ type: 'enum', enum: REMISS_STATUSAR }) status!: RemissStatus;
  @Column({ name: 'missiv_fil_id', type: 'uuid', nullable: true }) missivFilId!: string | null;
  @Column({ name: 'utskickad_at', type: 'timestamptz', nullable: true }) utskickadAt!: Date | null;
  @Column({ name: 'avslutad_at', type: 'timestamptz', nullable: true }) avslutadAt!: Date | null;
  @Column({ name: 'aterkallad_at', type: 'timestamptz', nullable: true }) aterkalladAt!: Date | null;
  @Column({ name: 'aterkallad_orsak', type: 'text', nullable: true }) aterkalladOrsak!: string | null;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A document sent with a remiss (the draft as PDF). */
@Entity('remisshandling')
export class Remisshandling {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'remiss_id', type: 'uuid' }) remissId!: string;
  @Column() titel!: string;
  @Column({ name: 'fil_id', type: 'uuid' }) filId!: string;
  @Column({ type: 'int' }) sidantal!: number;
  @Column({ type: 'int' }) ordning!: number;
  /** `komplettering` or `rattelse`: added after sending, about `avserId` (which stays as it was). */
  @Column({ type: 'text', default: 'ursprunglig' }) slag!: RemisshandlingSlag;
  @Column({ name: 'avser_id', type: 'uuid', nullable: true }) avserId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const REMISSHANDLING_SLAG = ['ursprunglig', 'komplettering', 'rattelse'] as const;
export type RemisshandlingSlag = (typeof REMISSHANDLING_SLAG)[number];

/** The extracted text of one page of a remisshandling, against which quotations are checked. */
@Entity('remisshandling_sida')
export class RemisshandlingSida {
  @PrimaryColumn({ name: 'remisshandling_id', type: 'uuid' }) remisshandlingId!: string;
  @PrimaryColumn({ type: 'int' }) sidnummer!: number;
  @Column() text!: string;
}

/** `stangd`: the remiss was avslutad before the instans answered or declined ("stängd utan svar"). */
export const REMISSINSTANS_STATUSAR = [
  'inbjuden',
  'registrerad',
  'under_beredning',
  'besvarad',
  'avstar',
  'stangd',
] as const;
export type RemissinstansStatus = (typeof REMISSINSTANS_STATUSAR)[number];

/** `forsenad` in SQL: the svarsdatum has passed and the instans has neither answered nor declined, nor been closed. */
export const FORSENAD_SQL = (alias: string, idagParam: string) =>
  `(${alias}.status NOT IN ('besvarad', 'avstar', 'stangd') AND ${alias}.svarsdatum < ${idagParam})`;

/** The same rule for one instans in hand (dates as `YYYY-MM-DD` compare as text). */
export const isInstansForsenad = (i: { status: RemissinstansStatus; svarsdatum: string }, idag: string) =>
  i.status !== 'besvarad' && i.status !== 'avstar' && i.status !== 'stangd' && i.svarsdatum < idag;

/**
 * One recipient of one remiss: an enhet of the own or another organisation, or an external party.
 * `organisationId` is the sender's; the recipient sees the row through `mottagare*`.
 * Försenad is derived (after svarsdatum and not besvarad/avstår), never stored.
 */
@Entity('remissinstans')
export class Remissinstans {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'remiss_id', type: 'uuid' }) remissId!: string;
  @Column() namn!: string;
  @Column({ name: 'mottagare_organisation_id', type: 'uuid', nullable: true }) mottagareOrganisationId!: string | null;
  @Column({ name: 'mottagare_enhet_id', type: 'uuid', nullable: true }) mottagareEnhetId!: string | null;
  @Column({ name: 'extern_epost', type: 'text', nullable: true }) externEpost!: string | null;
  @Column({ type: 'enum', enum: REMISSINSTANS_STATUSAR }) status!: RemissinstansStatus;
  /** The instans' own deadline: the remiss' svarsdatum, or later after anstånd. */
  @Column({ type: 'date' }) svarsdatum!: string;
  @Column({ name: 'anstand_orsak', type: 'text', nullable: true }) anstandOrsak!: string | null;
  @Column({ name: 'mottagare_arende_id', type: 'uuid', nullable: true }) mottagareArendeId!: string | null;
  /** The recipient's own dnr, e.g. UN2025/412. */
  @Column({ name: 'mottagare_diarienummer', type: 'text', nullable: true }) mottagareDiarienummer!: string | null;
  @Column({ name: 'handlaggare_id', type: 'uuid', nullable: true }) handlaggareId!: string | null;
  @Column({ name: 'registrerad_at', type: 'timestamptz', nullable: true }) registreradAt!: Date | null;
  @Column({ name: 'besvarad_at', type: 'timestamptz', nullable: true }) besvaradAt!: Date | null;
  @Column({ name: 'avstod_at', type: 'timestamptz', nullable: true }) avstodAt!: Date | null;
  /** An external instans' answer, uploaded as PDF through its link. */
  @Column({ name: 'extern_svar_fil_id', type: 'uuid', nullable: true }) externSvarFilId!: string | null;
  /** The Word file an external instans may send along with its PDF answer. */
  @Column({ name: 'extern_word_fil_id', type: 'uuid', nullable: true }) externWordFilId!: string | null;
  /** The short text of an external instans that declined. */
  @Column({ name: 'avstar_motivering', type: 'text', nullable: true }) avstarMotivering!: string | null;
  /** Set when the sender revoked the external instans' link; reminders carry no link until a new one is issued. */
  @Column({ name: 'lank_aterkallad_at', type: 'timestamptz', nullable: true }) lankAterkalladAt!: Date | null;
  /** The remiss was avslutad while the instans still worked on it (status `stangd`). */
  @Column({ name: 'stangd_at', type: 'timestamptz', nullable: true }) stangdAt!: Date | null;
  /** An answer (or avstående) received by e-mail or post, registered by the sender: the date it came in. */
  @Column({ name: 'svar_inkom_datum', type: 'date', nullable: true }) svarInkomDatum!: string | null;
  @Column({ type: 'int' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
