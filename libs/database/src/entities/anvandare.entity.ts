import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const ROLLER = ['remissansvarig', 'namndsekreterare', 'handlaggare', 'registrator', 'admin'] as const;
export type Roll = (typeof ROLLER)[number];

@Entity('anvandare')
export class Anvandare {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column() epost!: string;
  @Column() namn!: string;
  @Column({ name: 'losenord_hash', select: false }) losenordHash!: string;
  @Column() aktiv!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A user's role at one enhet; a user may hold several. */
@Entity('anvandarroll')
export class Anvandarroll {
  @PrimaryColumn({ name: 'anvandare_id', type: 'uuid' }) anvandareId!: string;
  @PrimaryColumn({ name: 'enhet_id', type: 'uuid' }) enhetId!: string;
  @PrimaryColumn({ type: 'enum', enum: ROLLER }) roll!: Roll;
}

/** A login session; only the SHA-256 of the cookie's token is stored. */
@Entity('session')
export class Session {
  @PrimaryColumn({ name: 'token_hash', type: 'bytea' }) tokenHash!: Buffer;
  @Column({ name: 'anvandare_id', type: 'uuid' }) anvandareId!: string;
  @Column({ name: 'csrf_token' }) csrfToken!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
}
