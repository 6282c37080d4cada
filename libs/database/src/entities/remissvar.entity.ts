import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const REMISSVAR_STATUSAR = ['utkast', 'for_beslut', 'beslutat', 'expedierat'] as const;
export type RemissvarStatus = (typeof REMISSVAR_STATUSAR)[number];
export type RemissvarTyp = 'yttrande' | 'avstar';

/** The answer's overall position on the proposal; null while drafting, required from för beslut. */
export const REMISSVAR_STALLNINGAR = [
  'tillstyrker',
  'tillstyrker_med_andringar',
  'avstyrker',
  'inga_synpunkter',
] as const;
export type RemissvarStallning = (typeof REMISSVAR_STALLNINGAR)[number];

/** The answer to one of the remiss' frågor, named by its `nummer` in `remiss.fragor`. */
export interface Fragesvar {
  fraga: number;
  text: string;
}

/** The answer of one remissinstans. A draft is visible only inside its enhet until expedierat. */
@Entity('remissvar')
export class Remissvar {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The answering organisation (not the sender's). */
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'enhet_id', type: 'uuid', nullable: true }) enhetId!: string | null;
  @Column({ name: 'remissinstans_id', type: 'uuid' }) remissinstansId!: string;
  @Column({ type: 'enum', enum: ['yttrande', 'avstar'] }) typ!: RemissvarTyp;
  @Column({ type: 'enum', enum: REMISSVAR_STATUSAR }) status!: RemissvarStatus;
  @Column() titel!: string;
  @Column() inledning!: string;
  @Column() avslutning!: string;
  /** Footnotes of inledning and avslutning; their text marks a reference as `[^n]`. */
  @Column({ type: 'jsonb' }) fotnoter!: string[];
  @Column({ type: 'enum', enum: REMISSVAR_STALLNINGAR, nullable: true }) stallning!: RemissvarStallning | null;
  /**
   * Answers to the remiss' frågor, in fråga order. jsonb on the row, not a table: an answer has no
   * identity beyond its fråga's number (the frågor are jsonb on the remiss, so no foreign key either),
   * and it is always read and written with the rest of the content under the row's version.
   */
  @Column({ type: 'jsonb' }) fragesvar!: Fragesvar[];
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'slutlig_fil_id', type: 'uuid', nullable: true }) slutligFilId!: string | null;
  @Column({ name: 'expedierad_at', type: 'timestamptz', nullable: true }) expedieradAt!: Date | null;
  @Column({ name: 'expedierad_av', type: 'uuid', nullable: true }) expedieradAv!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  /** An external instans' own dnr as its form gives it (a nämnd's is the instans' mottagareDiarienummer). */
  @Column({ name: 'eget_diarienummer', type: 'text', nullable: true }) egetDiarienummer!: string | null;
  /** Who answers for an external instans: its kvittens goes to this address. */
  @Column({ name: 'kontaktperson_namn', type: 'text', nullable: true }) kontaktpersonNamn!: string | null;
  @Column({ name: 'kontaktperson_epost', type: 'text', nullable: true }) kontaktpersonEpost!: string | null;
  @Column({ name: 'kontaktperson_telefon', type: 'text', nullable: true }) kontaktpersonTelefon!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A saved version of a draft: who saved it, when, the content then and a summary of the change. */
@Entity('remissvar_revision')
export class RemissvarRevision {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'remissvar_id', type: 'uuid' }) remissvarId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'anvandare_id', type: 'uuid', nullable: true }) anvandareId!: string | null;
  @Column({ type: 'jsonb' }) innehall!: Record<string, unknown>;
  @Column() andring!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const SYNPUNKT_TYPER = ['medhall', 'invandning', 'andringsforslag', 'ovrigt'] as const;
export type SynpunktTyp = (typeof SYNPUNKT_TYPER)[number];

/** One point of an answer, optionally quoting a page of a remisshandling. */
@Entity('synpunkt')
export class Synpunkt {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'remissvar_id', type: 'uuid' }) remissvarId!: string;
  @Column({ type: 'int' }) ordning!: number;
  @Column({ type: 'enum', enum: SYNPUNKT_TYPER }) typ!: SynpunktTyp;
  @Column({ type: 'text', nullable: true }) rubrik!: string | null;
  @Column() text!: string;
  @Column({ name: 'remisshandling_id', type: 'uuid', nullable: true }) remisshandlingId!: string | null;
  @Column({ type: 'int', nullable: true }) sida!: number | null;
  @Column({ type: 'text', nullable: true }) citat!: string | null;
  /** Words of the nämnd that lead into the quotation, e.g. "I policyn framgår:". */
  @Column({ type: 'text', nullable: true }) citatinledning!: string | null;
  /** For `andringsforslag`: the text to strike or replace … */
  @Column({ name: 'stryk_text', type: 'text', nullable: true }) strykText!: string | null;
  /** … and what to put in its place (null = strike only). */
  @Column({ name: 'ny_text', type: 'text', nullable: true }) nyText!: string | null;
  /** Footnotes of this synpunkt; its text marks a reference as `[^n]` (1-based). */
  @Column({ type: 'jsonb' }) fotnoter!: string[];
}

export type BeslutTyp = 'namndbeslut' | 'delegationsbeslut';

/** Who adopted the answer: the nämnd at a sammanträde (date, §) or a delegat. */
@Entity('beslut')
export class Beslut {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'remissvar_id', type: 'uuid' }) remissvarId!: string;
  @Column({ type: 'enum', enum: ['namndbeslut', 'delegationsbeslut'] }) typ!: BeslutTyp;
  @Column({ type: 'date' }) beslutsdatum!: string;
  @Column({ type: 'date', nullable: true }) sammantradesdatum!: string | null;
  @Column({ type: 'text', nullable: true }) paragraf!: string | null;
  @Column({ name: 'delegat_namn', type: 'text', nullable: true }) delegatNamn!: string | null;
  @Column({ name: 'delegat_titel', type: 'text', nullable: true }) delegatTitel!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
