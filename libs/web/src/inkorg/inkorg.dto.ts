import { Faltnamn } from '@app/core';
import { InkorgQuery } from '@app/svar';
import { Equals, IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

/** The inkorg page's GET form: the API's filters, sort and page, 25 rows a page. */
export class InkorgFilter extends InkorgQuery {
  override pageSize = 25;
}

/** Registrera: the next dnr of the enhet's diarium, or one the nämnd already has. */
@Faltnamn({ satt: 'diarienummer att registrera under', diarienummer: 'diarienummer' })
export class RegistreraFormular {
  @IsIn(['nytt', 'befintligt'], {
    context: { meddelande: 'Välj om remissen ska få ett nytt diarienummer eller ett som redan finns.' },
  })
  satt!: 'nytt' | 'befintligt';

  @ValidateIf((f: RegistreraFormular) => f.satt === 'befintligt')
  @IsString()
  @IsNotEmpty({ context: { meddelande: 'Skriv diarienumret, till exempel UN2025/412.' } })
  @MaxLength(40)
  diarienummer?: string;

  /** What the registrering takes: an entered dnr, or none for the next one. */
  get angivetDiarienummer(): string | undefined {
    return this.satt === 'befintligt' ? this.diarienummer?.trim() : undefined;
  }
}

/** Avstå: a reason for the letter, and a confirmation, since the letter is sent at once. */
@Faltnamn({ motivering: 'motivering', bekraftelse: 'bekräftelse' })
export class AvstaFormular {
  @IsString()
  @Matches(/\S/, { context: { meddelande: 'Skriv varför nämnden avstår från att svara.' } })
  @MaxLength(2000)
  motivering!: string;

  @Equals('ja', { context: { meddelande: 'Bekräfta att nämnden avstår från att svara på remissen.' } })
  bekraftelse!: string;
}
