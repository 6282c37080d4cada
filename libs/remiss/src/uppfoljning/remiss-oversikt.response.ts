import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REMISS_STATUSAR,
  REMISSINSTANS_STATUSAR,
  REMISSVAR_STALLNINGAR,
  RemissvarStallning,
  RemissinstansStatus,
  RemissStatus,
  UtkastMottagare,
} from '@app/database';
import { UtkastMottagareResponse } from '../remiss.response';

const tidEllerNull = { type: String, format: 'date-time', nullable: true } as const;

/** A row of the organisation's remisser list (streamed as JSON text from SQL). */
export class RemissRadResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'KS2025/118' }) diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty({ enum: REMISS_STATUSAR }) status!: RemissStatus;
  @ApiProperty({ format: 'date' }) svarsdatum!: string;
  @ApiProperty(tidEllerNull) utskickadAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty() antalInstanser!: number;
  @ApiProperty({ description: 'Instanser that answered (besvarad); those that declined are antalAvstatt' })
  antalBesvarade!: number;
  @ApiProperty({ description: 'Instanser that declined to answer (avstår)' }) antalAvstatt!: number;
  @ApiProperty() antalForsenade!: number;
}

export class RemissSidaResponse {
  @ApiProperty({ type: [RemissRadResponse] }) items!: RemissRadResponse[];
  @ApiProperty({ description: 'Counted up to 1000; beyond that 1000, with totalCapped' }) total!: number;
  @ApiProperty({ description: 'More rows match than total says (shown as "1000+")' }) totalCapped!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

class RemissStatusRemissResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty({ enum: REMISS_STATUSAR }) status!: RemissStatus;
  @ApiProperty({ format: 'date' }) svarsdatum!: string;
  @ApiProperty(tidEllerNull) utskickadAt!: Date | null;
}

/** Expedierade answers per position. */
export class AntalPerStallningResponse {
  @ApiProperty() tillstyrker!: number;
  @ApiProperty() tillstyrker_med_andringar!: number;
  @ApiProperty() avstyrker!: number;
  @ApiProperty() inga_synpunkter!: number;
}

class RemissStatusAntalResponse {
  @ApiProperty() totalt!: number;
  @ApiProperty() inbjuden!: number;
  @ApiProperty() registrerad!: number;
  @ApiProperty() under_beredning!: number;
  @ApiProperty() besvarad!: number;
  @ApiProperty() avstar!: number;
  @ApiProperty({ description: 'Closed without an answer when the remiss was avslutad' }) stangd!: number;
  @ApiProperty() forsenad!: number;
  @ApiProperty({ type: AntalPerStallningResponse, description: 'Expedierade answers per position' })
  stallning!: AntalPerStallningResponse;
}

export class InstansStatusResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() namn!: string;
  @ApiProperty({ enum: ['enhet', 'extern'] }) typ!: 'enhet' | 'extern';
  @ApiProperty({ enum: REMISSINSTANS_STATUSAR }) status!: RemissinstansStatus;
  @ApiProperty({ format: 'date' }) svarsdatum!: string;
  @ApiProperty({ type: String, nullable: true }) anstandOrsak!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The instans' own dnr" }) diarienummer!: string | null;
  @ApiProperty(tidEllerNull) registreradAt!: Date | null;
  @ApiProperty(tidEllerNull) besvaradAt!: Date | null;
  @ApiProperty(tidEllerNull) avstodAt!: Date | null;
  @ApiProperty() forsenad!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The expedierat answer' })
  remissvarId!: string | null;
  @ApiProperty({ enum: REMISSVAR_STALLNINGAR, nullable: true, description: "The expedierat answer's position" })
  stallning!: RemissvarStallning | null;
  @ApiProperty({ description: 'An external instans answered with a PDF, or the sender registered one received' })
  externSvarsfil!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Received by e-mail or post on' })
  svarInkomDatum!: string | null;
  @ApiProperty({ ...tidEllerNull, description: 'Closed without an answer when the remiss was avslutad' })
  stangdAt!: Date | null;
}

/** How the instanser of a remiss stand, for its sender. */
export class RemissStatusResponse {
  @ApiProperty({ type: RemissStatusRemissResponse }) remiss!: RemissStatusRemissResponse;
  @ApiPropertyOptional({ type: [UtkastMottagareResponse], description: 'A draft: its planned recipients' })
  planeradeMottagare?: UtkastMottagare[];
  @ApiProperty({ type: RemissStatusAntalResponse }) antal!: RemissStatusAntalResponse;
  @ApiProperty({ type: [InstansStatusResponse] }) instanser!: readonly InstansStatusResponse[];
}
