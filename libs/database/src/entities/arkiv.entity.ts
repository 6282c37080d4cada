import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An archived document: bytes and metadata never change; a correction refers to what it replaces. */
@Entity('arkivhandling')
export class Arkivhandling {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'handling_id', type: 'uuid', nullable: true }) handlingId!: string | null;
  @Column({ name: 'fil_id', type: 'uuid' }) filId!: string;
  /** The PDF/A rendition, filled once after commit by the outbox kind `arkivering` (the trigger allows only that). */
  @Column({ name: 'pdfa_fil_id', type: 'uuid', nullable: true }) pdfaFilId!: string | null;
  @Column({ name: 'pdfa_sha256', type: 'char', length: 64, nullable: true }) pdfaSha256!: string | null;
  @Column({ name: 'pdfa_at', type: 'timestamptz', nullable: true }) pdfaAt!: Date | null;
  @Column() titel!: string;
  @Column() diarienummer!: string;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'jsonb' }) metadata!: Record<string, unknown>;
  @Column({ name: 'ersatter_id', type: 'uuid', nullable: true }) ersatterId!: string | null;
  @Column({ name: 'arkiverad_av', type: 'uuid', nullable: true }) arkiveradAv!: string | null;
  @CreateDateColumn({ name: 'arkiverad_at', type: 'timestamptz' }) arkiveradAt!: Date;
}

/** A personal, expiring link for an external remissinstans; only the token's hash is stored. */
@Entity('extern_atkomst')
export class ExternAtkomst {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'remissinstans_id', type: 'uuid' }) remissinstansId!: string;
  @Column({ name: 'token_hash', type: 'bytea' }) tokenHash!: Buffer;
  @Column({ name: 'giltig_till', type: 'timestamptz' }) giltigTill!: Date;
  @Column({ name: 'aterkallad_at', type: 'timestamptz', nullable: true }) aterkalladAt!: Date | null;
  @Column({ name: 'anvand_at', type: 'timestamptz', nullable: true }) anvandAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** One line of the append-only audit log (the database refuses UPDATE, DELETE and TRUNCATE). */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId!: string | null;
  @Column({ name: 'anvandare_id', type: 'uuid', nullable: true }) anvandareId!: string | null;
  @Column() handelse!: string;
  @Column({ name: 'objekt_typ', type: 'text', nullable: true }) objektTyp!: string | null;
  @Column({ name: 'objekt_id', type: 'text', nullable: true }) objektId!: string | null;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
