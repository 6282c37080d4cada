import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The sender's position on one synpunkt, as the tjänsteskrivelse after a remiss reports it. */
export const STALLNINGSTAGANDE_BESLUT = ['beaktas', 'beaktas_delvis', 'beaktas_inte', 'noteras'] as const;
export type StallningstagandeBeslut = (typeof STALLNINGSTAGANDE_BESLUT)[number];

/**
 * One recorded ställningstagande on a synpunkt: every change is a new row with the next version
 * (the table refuses UPDATE and DELETE), so the current one is the highest version and the rest is
 * its history.
 */
@Entity('stallningstagande')
export class Stallningstagande {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The sending organisation (the remiss'), not the answering one. */
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'remiss_id', type: 'uuid' }) remissId!: string;
  @Column({ name: 'synpunkt_id', type: 'uuid' }) synpunktId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'enum', enum: STALLNINGSTAGANDE_BESLUT, enumName: 'stallningstagande_beslut' })
  beslut!: StallningstagandeBeslut;
  @Column() motivering!: string;
  @Column({ name: 'anvandare_id', type: 'uuid', nullable: true }) anvandareId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
