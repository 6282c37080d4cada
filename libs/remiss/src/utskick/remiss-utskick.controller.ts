import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RemissResponse } from '../remiss.response';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { RemissUtskickService } from './remiss-utskick.service';

@ApiTags('remiss')
@Roller('remissansvarig')
@Controller('api/remisser')
export class RemissUtskickController {
  constructor(private readonly utskick: RemissUtskickService) {}

  @Post(':id/skicka')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Send (utskickad): freezes the remiss, invites every instans, stores and registers the missiv, plans reminders, queues mails',
  })
  @ApiOkResponse({ type: RemissResponse })
  send(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.utskick.send(actor, id);
  }
}
