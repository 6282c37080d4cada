import { Faltnamn, OptionalNotNull } from '@app/core';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

/** Day, month and year as GOV.UK's date input sends them. */
@Faltnamn({ dag: 'dag', manad: 'månad', ar: 'år' })
export class ExportDatumFalt {
  @IsOptional() @IsString() @MaxLength(4) dag?: string;
  @IsOptional() @IsString() @MaxLength(4) manad?: string;
  @IsOptional() @IsString() @MaxLength(6) ar?: string;
}

/** The order form: a diarium, then one ärende by its diarienummer or a period. */
@Faltnamn({
  diariumId: 'diarium',
  urval: 'urval',
  diarienummer: 'diarienummer',
  fran: 'från och med',
  till: 'till och med',
})
export class ExportFormular {
  @IsString({ context: { meddelande: 'Välj ett diarium.' } })
  @MaxLength(40)
  diariumId!: string;

  @IsIn(['arende', 'period'], { context: { meddelande: 'Välj om du vill exportera ett ärende eller en period.' } })
  urval!: 'arende' | 'period';

  @OptionalNotNull()
  @IsString()
  @MaxLength(40)
  diarienummer?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ExportDatumFalt)
  fran?: ExportDatumFalt;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ExportDatumFalt)
  till?: ExportDatumFalt;
}
