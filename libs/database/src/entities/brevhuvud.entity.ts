import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type EmblemTyp = 'image/svg+xml' | 'image/png';

/** An organisation's own letterhead; without a row, its folder under templates/kommuner/ is the default. */
@Entity('brevhuvud')
export class Brevhuvud {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column() namn!: string;
  @Column() besoksadress!: string;
  @Column() postadress!: string;
  @Column() telefon!: string;
  @Column() epost!: string;
  @Column() webb!: string;
  @Column() organisationsnummer!: string;
  @Column() primarfarg!: string;
  @Column() accentfarg!: string;
  @Column({ name: 'vart_dnr_etikett' }) vartDnrEtikett!: string;
  @Column({ name: 'ert_dnr_etikett' }) ertDnrEtikett!: string;
  /** Sanitised SVG or checked PNG; null: the folder's emblem.svg. */
  @Column({ type: 'bytea', nullable: true }) emblem!: Buffer | null;
  @Column({ name: 'emblem_typ', type: 'text', nullable: true }) emblemTyp!: EmblemTyp | null;
  @Column() version!: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** The receiving organisation lets the sending one send it remisser. */
@Entity('organisationskoppling')
export class Organisationskoppling {
  @PrimaryColumn({ name: 'avsandare_organisation_id', type: 'uuid' }) avsandareOrganisationId!: string;
  @PrimaryColumn({ name: 'mottagare_organisation_id', type: 'uuid' }) mottagareOrganisationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
