import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@app/auth';
import { RemissvarRepository } from './remissvar.repository';

@ApiTags('remissvar')
@Controller('api/remissvar')
export class RemissvarController {
  constructor(private readonly svar: RemissvarRepository) {}

  @Get(':id')
  @ApiOperation({ summary: 'One remissvar with its synpunkter (drafts only within the answering enhet)' })
  async get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    const svar = await this.svar.get(actor, id);
    return { ...svar, synpunkter: await this.svar.synpunkter(svar) };
  }
}
