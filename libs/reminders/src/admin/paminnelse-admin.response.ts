import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Job } from 'bullmq';
import { PaminnelseregelDto } from './paminnelseregler.dto';

export class PaminnelsereglerResponse {
  @ApiProperty({ type: [PaminnelseregelDto], description: 'In the order they fire' })
  regler!: PaminnelseregelDto[];

  @ApiProperty({ description: 'True while the organisation has no rules of its own (the defaults apply)' })
  standard!: boolean;
}

export class MisslyckatJobbResponse {
  @ApiPropertyOptional({ type: String })
  jobbId?: string;

  @ApiProperty()
  typ!: string;

  @ApiProperty()
  orsak!: string;

  @ApiProperty()
  forsok!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  avslutad!: Date | null;
}

export class UtkorgKoResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Jobs per state: waiting, delayed, active, completed, failed, prioritized',
  })
  antal!: Record<string, number>;

  @ApiProperty({ type: [MisslyckatJobbResponse] })
  misslyckadeJobb!: MisslyckatJobbResponse[];
}

export class MisslyckadPaminnelseResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  remissinstansId!: string;

  @ApiProperty({ description: 'The name of the instans' })
  instans!: string;

  @ApiProperty({ description: "The remiss' diarienummer" })
  diarienummer!: string;

  @ApiProperty({ example: 'fore_3' })
  typ!: string;

  @ApiProperty({ format: 'date' })
  svarsdatum!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  dueAt!: Date;

  @ApiProperty()
  forsok!: number;

  @ApiProperty({ type: String, nullable: true })
  orsak!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  andrad!: Date;
}

export const toMisslyckatJobb = (j: Job): MisslyckatJobbResponse => ({
  jobbId: j.id,
  typ: j.name,
  orsak: j.failedReason,
  forsok: j.attemptsMade,
  avslutad: j.finishedOn ? new Date(j.finishedOn) : null,
});
