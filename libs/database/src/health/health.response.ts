import { ApiProperty } from '@nestjs/swagger';

export class LiveResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

class ReadyChecksResponse {
  @ApiProperty({ example: 'ok', description: '`ok`, or `error: …` naming what failed' }) postgres!: string;
  @ApiProperty({ example: 'ok', description: '`ok`, or `error: …` naming what failed' }) redis!: string;
}

export class ReadyResponse {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: 'ok' | 'unavailable';
  @ApiProperty({ type: ReadyChecksResponse }) checks!: ReadyChecksResponse;
}
