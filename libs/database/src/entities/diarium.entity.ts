import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A numbered register, e.g. Utbildningsnämndens diarium with prefix UN, or a region's one diarium
 * for all its nämnder (RJL): each enhet names its diarium in `Enhet.diariumId`.
 */
@Entity('diarium')
export class Diarium {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column() namn!: string;
  @Column() prefix!: string;
  /** e.g. `{prefix}{year}/{seq}`; see DiarienummerFormat. */
  @Column() format!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** The last number handed out in a diarium for a year. */
@Entity('diarienummerserie')
export class Diarienummerserie {
  @PrimaryColumn({ name: 'diarium_id', type: 'uuid' }) diariumId!: string;
  @PrimaryColumn({ type: 'int' }) ar!: number;
  @Column({ type: 'int' }) senaste!: number;
}

export const ARENDE_STATUSAR = ['oppet', 'avslutat'] as const;
export type ArendeStatus = (typeof ARENDE_STATUSAR)[number];

/** A case in a diarium, identified by its diarienummer. */
@Entity('arende')
export class Arende {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'diarium_id', type: 'uuid' }) diariumId!: string;
  /** The enhet the ärende was opened for: a role there reads its sekretess handlingar. */
  @Column({ name: 'enhet_id', type: 'uuid' }) enhetId!: string;
  @Column() diarienummer!: string;
  @Column({ type: 'int' }) ar!: number;
  @Column({ type: 'int' }) lopnummer!: number;
  @Column() arendemening!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'enum', enum: ARENDE_STATUSAR, default: 'oppet' }) status!: ArendeStatus;
  @Column({ name: 'avslutat_at', type: 'timestamptz', nullable: true }) avslutatAt!: Date | null;
  @Column({ name: 'avslutat_av', type: 'uuid', nullable: true }) avslutatAv!: string | null;
}

export const HANDLING_RIKTNINGAR = ['inkommande', 'utgaende', 'upprattad'] as const;
export type HandlingRiktning = 'inkommande' | 'utgaende' | 'upprattad';

/** One registered document (inkommande, utgående or upprättad) of an ärende. */
@Entity('handling')
export class Handling {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'arende_id', type: 'uuid' }) arendeId!: string;
  @Column({ type: 'int' }) lopnummer!: number;
  @Column({ type: 'enum', enum: ['inkommande', 'utgaende', 'upprattad'] }) riktning!: HandlingRiktning;
  @Column({ type: 'date' }) datum!: string;
  @Column({ type: 'text', nullable: true }) motpart!: string | null;
  @Column() beskrivning!: string;
  @Column({ name: 'fil_id', type: 'uuid', nullable: true }) filId!: string | null;
  /** The same document as an editable file (an answer's DOCX beside its PDF). */
  @Column({ name: 'redigerbar_fil_id', type: 'uuid', nullable: true }) redigerbarFilId!: string | null;
  @Column({ name: 'registrerad_av', type: 'uuid', nullable: true }) registreradAv!: string | null;
  /** The sekretessmarkering: the OSL paragraph ("OSL 21 kap. 7 §"); motpart and beskrivning are then for the enhet only. */
  @Column({ type: 'text', nullable: true }) sekretess!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Stored bytes (PDFs, an answer's DOCX); never updated once written. */
@Entity('fil')
export class Fil {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column() filnamn!: string;
  @Column() mimetyp!: string;
  @Column({ type: 'int' }) storlek!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'bytea', select: false }) data!: Buffer;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
