import { ApiProperty } from '@nestjs/swagger';

export class LankarAterkalladeResponse {
  @ApiProperty({ description: 'How many links that were still open got closed' }) aterkallade!: number;
}
