import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Sandlista } from '@app/database';
import { UtkastMottagareResponse } from '../remiss.response';

export class SandlistaResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() namn!: string;
  @ApiProperty({ type: [UtkastMottagareResponse] }) mottagare!: UtkastMottagareResponse[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export const toSandlistaResponse = (s: Sandlista): SandlistaResponse => ({
  id: s.id,
  namn: s.namn,
  mottagare: s.mottagare,
  createdAt: s.createdAt,
});

class TagenRadResponse {
  @ApiProperty({ description: 'Line number in the text' }) rad!: number;
  @ApiProperty() namn!: string;
  @ApiProperty() epost!: string;
}

class AvvisadRadResponse {
  @ApiProperty({ description: 'Line number in the text' }) rad!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Why, in Swedish' }) orsak!: string;
}

/** Which lines of an imported list became recipients of the draft, and which were refused and why. */
export class MottagarImportResponse {
  @ApiProperty({ type: [TagenRadResponse] }) tagna!: TagenRadResponse[];
  @ApiProperty({ type: [AvvisadRadResponse] }) avvisade!: AvvisadRadResponse[];
}

/** How many recipients a change added to the draft. */
export class MottagareTillagdaResponse {
  @ApiProperty() tillagda!: number;
  @ApiProperty({ description: 'Already recipients of the draft: left as they were' }) redan!: number;
}

/** One planned recipient of a draft, with its name resolved. */
export class PlaneradMottagareResponse {
  @ApiProperty({ description: 'enhetId or e-mail: what identifies it in the draft' }) nyckel!: string;
  @ApiProperty({ enum: ['enhet', 'extern'] }) typ!: 'enhet' | 'extern';
  @ApiProperty() namn!: string;
  @ApiPropertyOptional({ description: 'Another organisation on the platform' }) organisation?: string;
  @ApiPropertyOptional({ description: 'External: the address that gets the personal link' }) epost?: string;
  @ApiPropertyOptional({
    description:
      'True when its organisation no longer accepts remisser from the sender: the send is refused until it is removed',
  })
  frankopplad?: boolean;
  @ApiPropertyOptional({
    description:
      'True when it is an enhet of another organisation that has made it a förvaltning since it was chosen (förvaltningar answer no remisser in their own name): the send is refused until it is removed',
  })
  forvaltning?: boolean;
}
