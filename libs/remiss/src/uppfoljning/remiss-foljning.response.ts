import { ApiProperty } from '@nestjs/swagger';
import { PAMINNELSE_STATUSAR, PaminnelseStatus } from '@app/database';
import { RemisshandlingResponse } from '../remiss.response';
import { RemissStatusResponse } from './remiss-oversikt.response';

const tidEllerNull = { type: String, format: 'date-time', nullable: true } as const;

export class PaminnelseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) remissinstansId!: string;
  @ApiProperty({ example: 'fore_10' }) typ!: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt!: Date;
  @ApiProperty({ enum: PAMINNELSE_STATUSAR }) status!: PaminnelseStatus;
  @ApiProperty(tidEllerNull) skickadAt!: Date | null;
}

export class ExternLankStatusResponse {
  @ApiProperty({ format: 'uuid' }) remissinstansId!: string;
  @ApiProperty({ description: 'Where the link and the reminders go' }) epost!: string;
  @ApiProperty(tidEllerNull) aterkalladAt!: Date | null;
}

export class HandelseResponse {
  @ApiProperty({ example: 'remiss_utskickad' }) handelse!: string;
  @ApiProperty({ description: 'The event in Swedish' }) text!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The instans it was about' }) instans!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who did it (of the own organisation)' })
  anvandare!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
}

/** Everything the sender follows a sent remiss by: the status view, its handlingar, reminders, links and timeline. */
export class RemissFoljningResponse extends RemissStatusResponse {
  @ApiProperty({ type: [RemisshandlingResponse] }) handlingar!: RemisshandlingResponse[];
  @ApiProperty({ type: [PaminnelseResponse], description: 'Planned, sent and failed reminders, by due time' })
  paminnelser!: PaminnelseResponse[];
  @ApiProperty({ type: [ExternLankStatusResponse] }) lankar!: ExternLankStatusResponse[];
  @ApiProperty({ type: [HandelseResponse], description: 'Oldest first' }) handelser!: HandelseResponse[];
}
