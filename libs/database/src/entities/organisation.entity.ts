import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OrganisationTyp = 'kommun' | 'region' | 'myndighet' | 'forening' | 'foretag';
export type EnhetTyp = 'namnd' | 'styrelse' | 'forvaltning' | 'rad' | 'bolag';

/** A kommun, region or other party. `ansluten` ones are tenants with users of their own. */
@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() namn!: string;
  /** Names the letterhead folder `templates/kommuner/<slug>/`. */
  @Column() slug!: string;
  @Column({ type: 'enum', enum: ['kommun', 'region', 'myndighet', 'forening', 'foretag'] }) typ!: OrganisationTyp;
  @Column({ type: 'text', nullable: true }) organisationsnummer!: string | null;
  @Column({ type: 'text', nullable: true }) epost!: string | null;
  @Column() ansluten!: boolean;
  @Column({ type: 'text', nullable: true }) adress!: string | null;
  /** The platform's own organisation (one at most): its users are the operators. */
  @Column() plattform!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A nämnd, styrelse, förvaltning … inside an organisation; a nämnd is its own myndighet. */
@Entity('enhet')
export class Enhet {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column() namn!: string;
  @Column() kortnamn!: string;
  @Column({ type: 'enum', enum: ['namnd', 'styrelse', 'forvaltning', 'rad', 'bolag'] }) typ!: EnhetTyp;
  /** The nämnd's function mailbox, which receives remisser and reminders. */
  @Column({ type: 'text', nullable: true }) funktionsbrevlada!: string | null;
  /** The diarium its ärenden are numbered in (its own, or one the organisation shares); none for an external party's. */
  @Column({ name: 'diarium_id', type: 'uuid', nullable: true }) diariumId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
