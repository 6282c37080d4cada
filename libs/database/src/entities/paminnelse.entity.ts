import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PAMINNELSE_STATUSAR = ['planerad', 'skickar', 'skickad', 'avbruten', 'misslyckad'] as const;
export type PaminnelseStatus = (typeof PAMINNELSE_STATUSAR)[number];
export type PaminnelseregelTyp = 'fore' | 'pa_dagen' | 'efter' | 'veckovis';

/** An organisation's rule for when reminders go out, in working days around svarsdatum. */
@Entity('paminnelseregel')
export class Paminnelseregel {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column() typ!: PaminnelseregelTyp;
  @Column({ type: 'int' }) arbetsdagar!: number;
  @Column() aktiv!: boolean;
}

/** One planned reminder (outbox row); PostgreSQL is the truth, BullMQ only carries the timing. */
@Entity('paminnelse')
export class Paminnelse {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'remissinstans_id', type: 'uuid' }) remissinstansId!: string;
  @Column() typ!: string;
  /** The svarsdatum this reminder was planned for; anstånd plans new rows for the new date. */
  @Column({ type: 'date' }) svarsdatum!: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ type: 'enum', enum: PAMINNELSE_STATUSAR }) status!: PaminnelseStatus;
  @Column({ type: 'int' }) forsok!: number;
  @Column({ name: 'senaste_fel', type: 'text', nullable: true }) senasteFel!: string | null;
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil!: Date | null;
  /** When a failed send is retried (backoff); due_at keeps the time the reminder was planned for. */
  @Column({ name: 'nasta_forsok_at', type: 'timestamptz', nullable: true }) nastaForsokAt!: Date | null;
  @Column({ name: 'skickad_at', type: 'timestamptz', nullable: true }) skickadAt!: Date | null;
  @Column({ name: 'message_id', type: 'text', nullable: true }) messageId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
