import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Faltnamn } from '@app/core';
import type { PaminnelseregelDto } from '@app/reminders';

const REGELTYPER = ['fore', 'pa_dagen', 'efter', 'veckovis'] as const;

/** One row of the reminder rules' form; the empty last row adds a rule when its kind is chosen. */
@Faltnamn({ typ: 'när', arbetsdagar: 'arbetsdagar' })
export class RegelRad {
  @IsIn(['', ...REGELTYPER], { context: { meddelande: 'Välj när påminnelsen går ut.' } })
  typ!: '' | (typeof REGELTYPER)[number];

  @Matches(/^\s*([0-9]|[1-5][0-9]|60)?\s*$/, {
    context: { meddelande: 'Skriv antalet arbetsdagar som ett tal, 0–60.' },
  })
  arbetsdagar!: string;

  @IsOptional()
  @IsIn(['ja'])
  aktiv?: 'ja';

  @IsOptional()
  @IsIn(['ja'])
  taBort?: 'ja';
}

/** The reminder rules as a page posts them: every rule a row, ticked "ta bort" rows and the blank row left out. */
export class PaminnelseFormular {
  @IsArray()
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => RegelRad)
  regler!: RegelRad[];

  /** What the API's PUT takes; a pa_dagen or veckovis rule without days is 0 days. */
  get paminnelseregler(): PaminnelseregelDto[] {
    return this.regler
      .filter((r) => r.typ !== '' && r.taBort !== 'ja')
      .map((r) => ({
        typ: r.typ as PaminnelseregelDto['typ'],
        arbetsdagar: Number(r.arbetsdagar.trim() || 0),
        aktiv: r.aktiv === 'ja',
      }));
  }
}
