import { ApiProperty } from '@nestjs/swagger';

export class LankarAterkalladeResponse {
  @ApiProperty({ description: 'How many links that were still open got closed' }) aterkallade!: number;
}

export class PaminnelseSkickadResponse {
  @ApiProperty({ format: 'uuid', description: 'The reminder, sent by the outbox at once' }) paminnelseId!: string;
}
