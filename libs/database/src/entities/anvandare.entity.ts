import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const ROLLER = ['remissansvarig', 'namndsekreterare', 'handlaggare', 'registrator', 'admin'] as const;
export type Roll = (typeof ROLLER)[number];

@Entity('anvandare')
export class Anvandare {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column() epost!: string;
  @Column() namn!: string;
  /** NULL until an invited user sets a password through the invitation's link. */
  @Column({ name: 'losenord_hash', type: 'text', select: false, nullable: true }) losenordHash!: string | null;
  @Column() aktiv!: boolean;
  /** The platform operator (of the `plattform` organisation only): creates organisations, holds no enhet role. */
  @Column() operator!: boolean;
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

export type KontoTokenSyfte = 'inbjudan' | 'aterstallning';

/** A one-time link to set a password (an invitation or a reset); only the token's SHA-256 is stored. */
@Entity('konto_token')
export class KontoToken {
  @PrimaryColumn({ name: 'token_hash', type: 'bytea' }) tokenHash!: Buffer;
  @Column({ name: 'anvandare_id', type: 'uuid' }) anvandareId!: string;
  @Column({ type: 'text' }) syfte!: KontoTokenSyfte;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
