import { Get, Query } from '@nestjs/common';
import { Actor, ArbetsplatsEnhet, CurrentActor } from '@app/auth';
import { InkorgService } from '@app/svar';
import { sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { ValdEnhet } from '../grund/webb-kontext';
import { kolumnrubriker, sidnumrering } from './inkorg-lankar';
import { InkorgFilter } from './inkorg.dto';

/** The inkorg of the enhet the user works for: filters, sort and pages as links and a GET form. */
@WebController('inkorg')
export class InkorgController {
  constructor(private readonly inkorg: InkorgService) {}

  @Get()
  async visa(@CurrentActor() actor: Actor, @ValdEnhet() enhet: ArbetsplatsEnhet, @Query() filter: InkorgFilter) {
    const vy = await this.inkorg.page(actor, enhet.id, filter);
    return sida('inkorg/inkorg', {
      enhet,
      vy,
      filter,
      filtrerad: filter.status !== undefined || filter.forsenad !== undefined || !!filter.q,
      rubriker: kolumnrubriker(filter),
      sidnumrering: sidnumrering(filter, vy.sida),
    });
  }
}
