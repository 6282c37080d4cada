import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Faltnamn } from '@app/core';

@Faltnamn({ organisationId: 'organisation' })
export class KopplingDto {
  @ApiProperty({ format: 'uuid', description: 'The organisation that may send remisser to ours' })
  @IsUUID('all', { context: { meddelande: 'Välj organisationen som ska få skicka remisser till er.' } })
  organisationId!: string;
}
