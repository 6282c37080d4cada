import { ApiProperty } from '@nestjs/swagger';
import { Roll, ROLLER } from '@app/database';
import { Actor } from '../actor';

class RollVidEnhetResponse {
  @ApiProperty({ format: 'uuid' }) enhetId!: string;
  @ApiProperty({ enum: ROLLER }) roll!: Roll;
}

/** The caller, and the CSRF token every unsafe request of this session must carry (header X-CSRF-Token). */
export class InloggadResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() namn!: string;
  @ApiProperty() epost!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ type: [RollVidEnhetResponse] }) roller!: readonly RollVidEnhetResponse[];
  @ApiProperty({ description: 'Send it as X-CSRF-Token with POST/PUT/PATCH/DELETE' }) csrfToken!: string;
}

export const toInloggadResponse = (actor: Actor, csrfToken: string): InloggadResponse => ({
  id: actor.anvandareId,
  namn: actor.namn,
  epost: actor.epost,
  organisationId: actor.organisationId,
  roller: actor.roller,
  csrfToken,
});
