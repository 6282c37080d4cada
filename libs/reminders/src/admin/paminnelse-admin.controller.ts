import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, AuditLog, CurrentActor, Roller } from '@app/auth';
import { DomainError } from '@app/core';
import { UtkorgKo } from '@app/mail';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PaminnelseRepository } from '../paminnelse.repository';
import { PaminnelseregelRepository } from '../paminnelseregel.repository';
import { PaminnelsereglerDto } from './paminnelseregler.dto';

/** Admins: the organisation's reminder rules, and what the outbox queue is doing. */
@ApiTags('admin: påminnelser')
@Roller('admin')
@Controller('api/admin')
export class PaminnelseAdminController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regler: PaminnelseregelRepository,
    private readonly paminnelser: PaminnelseRepository,
    private readonly ko: UtkorgKo,
    private readonly audit: AuditLog,
  ) {}

  @Get('paminnelseregler')
  @ApiOperation({ summary: "The organisation's reminder rules (the defaults until saved)" })
  hamtaRegler(@CurrentActor() actor: Actor) {
    return this.regler.hamta(actor.organisationId);
  }

  @Put('paminnelseregler')
  @ApiOperation({ summary: "Replace the organisation's reminder rules; applies to reminders planned from now on" })
  async sparaRegler(@CurrentActor() actor: Actor, @Body() body: PaminnelsereglerDto) {
    granska(body);
    await this.dataSource.transaction(async (m) => {
      await this.regler.ersatt(m, actor.organisationId, body.regler);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'paminnelseregler_andrade',
        objektTyp: 'organisation',
        objektId: actor.organisationId,
        data: { regler: body.regler },
      });
    });
    return this.regler.hamta(actor.organisationId);
  }

  @Get('paminnelser/ko')
  @ApiOperation({ summary: "The outbox queue's job counts and the organisation's failed jobs" })
  async koStatus(@CurrentActor() actor: Actor) {
    const [antal, misslyckade] = await Promise.all([this.ko.antal(), this.ko.misslyckade()]);
    const agare = await this.paminnelser.organisationer(
      misslyckade.map((j) => (j.data as { id?: string }).id).filter((id): id is string => !!id),
    );
    return {
      antal,
      misslyckadeJobb: misslyckade
        .filter((j) => agare.get((j.data as { id: string }).id) === actor.organisationId)
        .map((j) => ({
          jobbId: j.id,
          typ: j.name,
          orsak: j.failedReason,
          forsok: j.attemptsMade,
          avslutad: j.finishedOn ? new Date(j.finishedOn) : null,
        })),
    };
  }

  @Get('paminnelser/misslyckade')
  @ApiOperation({ summary: 'Reminders that could not be sent (status misslyckad), with the reason' })
  misslyckade(@CurrentActor() actor: Actor) {
    return this.paminnelser.misslyckade(actor.organisationId);
  }
}

/** Rules that make sense together: one of each kind and days, `fore`/`efter` at least one day. */
function granska(body: PaminnelsereglerDto): void {
  const sedda = new Set<string>();
  for (const r of body.regler) {
    const nyckel = `${r.typ}/${r.arbetsdagar}`;
    if (sedda.has(nyckel)) throw new DomainError('DUPLICATE_RULE', { typ: r.typ, arbetsdagar: r.arbetsdagar });
    sedda.add(nyckel);
    if ((r.typ === 'fore' || r.typ === 'efter') && r.arbetsdagar < 1)
      throw new DomainError('INVALID_RULE', { typ: r.typ, arbetsdagar: 1 });
    if ((r.typ === 'pa_dagen' || r.typ === 'veckovis') && r.arbetsdagar !== 0)
      throw new DomainError('INVALID_RULE', { typ: r.typ, arbetsdagar: 0 });
  }
}
