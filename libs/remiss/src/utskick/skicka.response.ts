import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REMISS_STATUSAR, RemissStatus } from '@app/database';

class SkickaRemissResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty({ enum: REMISS_STATUSAR }) status!: RemissStatus;
  @ApiProperty({ format: 'date' }) svarsdatum!: string;
  @ApiProperty({ type: String, nullable: true }) kontaktperson!: string | null;
}

class SkickaMottagareResponse {
  @ApiProperty() namn!: string;
  @ApiPropertyOptional({ description: 'Another organisation on the platform' }) organisation?: string;
  @ApiProperty({ enum: ['plattform', 'lank'], description: 'Answers in its inkorg, or through a personal link' })
  kanal!: 'plattform' | 'lank';
  @ApiPropertyOptional({ description: 'External: where the personal link goes' }) epost?: string;
}

class SkickaHandlingResponse {
  @ApiProperty() titel!: string;
  @ApiProperty() sidantal!: number;
}

class SkickaPaminnelseResponse {
  @ApiProperty({ example: 'fore_5' }) typ!: string;
  @ApiProperty({ example: '5 arbetsdagar före svarsdatum' }) beskrivning!: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt!: Date;
}

/** Before sending: who gets what and when the reminders go, and what still stops the send (in Swedish). */
export class SkickaSammanfattningResponse {
  @ApiProperty({ type: SkickaRemissResponse }) remiss!: SkickaRemissResponse;
  @ApiProperty({ type: [SkickaMottagareResponse] }) mottagare!: SkickaMottagareResponse[];
  @ApiProperty({ type: [SkickaHandlingResponse] }) handlingar!: SkickaHandlingResponse[];
  @ApiProperty({ type: [SkickaPaminnelseResponse], description: 'To every instans that has not answered by then' })
  paminnelser!: SkickaPaminnelseResponse[];
  @ApiProperty({ type: [String], description: 'Why it cannot be sent yet, in Swedish; empty when it can' })
  hinder!: string[];
  @ApiPropertyOptional({ description: 'The ärendemening starts with "Remiss", in Swedish' })
  arendemeningVarning?: string;
}
