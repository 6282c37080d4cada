import { ApiProperty } from '@nestjs/swagger';
import { REMISSINSTANS_STATUSAR, RemissinstansStatus } from '@app/database';
import { RemissfragaResponse } from '@app/remiss';

class ExternAvsandareResponse {
  @ApiProperty({ example: 'Enköpings kommun' }) organisation!: string;
  @ApiProperty({ example: 'Kommunstyrelsen' }) enhet!: string;
}

class KontaktpersonResponse {
  @ApiProperty({ type: String, nullable: true }) namn!: string | null;
  @ApiProperty({ type: String, nullable: true }) epost!: string | null;
  @ApiProperty({ type: String, nullable: true }) telefon!: string | null;
}

class ExternRemissUppgifterResponse {
  @ApiProperty({ example: 'KS2025/118' }) diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty() missiv!: string;
  @ApiProperty({ type: [RemissfragaResponse] }) fragor!: RemissfragaResponse[];
  @ApiProperty({ type: KontaktpersonResponse }) kontaktperson!: KontaktpersonResponse;
}

class ExternInstansResponse {
  @ApiProperty() namn!: string;
  @ApiProperty({ enum: REMISSINSTANS_STATUSAR }) status!: RemissinstansStatus;
  @ApiProperty({ format: 'date' }) svarsdatum!: string;
}

class ExternHandlingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() titel!: string;
  @ApiProperty() sidantal!: number;
}

/** What an external instans sees through its link: no ids but the handlingar's, no other instanser. */
export class ExternRemissResponse {
  @ApiProperty({ type: ExternAvsandareResponse }) avsandare!: ExternAvsandareResponse;
  @ApiProperty({ type: ExternRemissUppgifterResponse }) remiss!: ExternRemissUppgifterResponse;
  @ApiProperty({ type: ExternInstansResponse }) instans!: ExternInstansResponse;
  @ApiProperty({ type: [ExternHandlingResponse] }) handlingar!: ExternHandlingResponse[];
}

export class ExternBesvaradResponse {
  @ApiProperty({ enum: ['besvarad'] }) status!: 'besvarad';
}

export class ExternAvstodResponse {
  @ApiProperty({ enum: ['avstar'] }) status!: 'avstar';
}
