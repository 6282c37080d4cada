import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@app/auth';
import { RemissRepository } from './remiss.repository';

@ApiTags('remiss')
@Controller('api/remisser')
export class RemissController {
  constructor(private readonly remisser: RemissRepository) {}

  @Get(':id')
  @ApiOperation({ summary: 'One remiss with its remisshandlingar and the remissinstanser the caller may see' })
  async get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    const remiss = await this.remisser.get(actor, id);
    // The planned recipients of a draft are the sender's business only.
    const { utkastMottagare, ...synligt } = remiss;
    return {
      ...synligt,
      ...(remiss.organisationId === actor.organisationId ? { utkastMottagare } : {}),
      handlingar: await this.remisser.handlingar(remiss.id),
      instanser: await this.remisser.instanser(actor, remiss),
    };
  }
}
