import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, registerDecorator, ValidationOptions } from 'class-validator';
import { Faltnamn, STALLNINGSTAGANDENAMN } from '@app/core';
import { STALLNINGSTAGANDE_BESLUT, StallningstagandeBeslut, SYNPUNKT_TYPER, SynpunktTyp } from '@app/database';

/** A GET form sends its empty fields: an empty filter is none. */
const tomSomIngen = () => Transform(({ value }) => (value === '' ? undefined : value));

/** The sammanställning narrowed to one kind of synpunkt and one instans. */
@Faltnamn({ typ: 'typ av synpunkt', instans: 'remissinstans' })
export class SammanstallningQuery {
  @ApiPropertyOptional({ enum: SYNPUNKT_TYPER, description: 'Only synpunkter of this kind' })
  @tomSomIngen()
  @IsOptional()
  @IsIn(SYNPUNKT_TYPER, { context: { meddelande: 'Välj en typ av synpunkt i listan.' } })
  typ?: SynpunktTyp;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this remissinstans' synpunkter and frågesvar" })
  @tomSomIngen()
  @IsOptional()
  @IsUUID('all', { context: { meddelande: 'Välj en remissinstans i listan.' } })
  instans?: string;
}

/** The motivering the chosen ställningstagande needs (beaktas delvis, beaktas inte), not blank. */
function MotiveringOmDenKravs(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'motiveringKravs',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property is required when the synpunkt is beaktas delvis or beaktas inte', ...options },
      validator: {
        validate: (value: unknown, args) => {
          const beslut = (args?.object as { beslut?: string }).beslut;
          const kravs = STALLNINGSTAGANDENAMN[beslut as StallningstagandeBeslut]?.motiveringKravs ?? false;
          return !kravs || (typeof value === 'string' && /\S/.test(value));
        },
      },
    });
}

/** The remissansvarig's position on one synpunkt; recording it again makes a new version. */
@Faltnamn({ beslut: 'ställningstagande', motivering: 'motivering' })
export class StallningstagandeDto {
  @ApiProperty({ enum: STALLNINGSTAGANDE_BESLUT })
  @IsIn(STALLNINGSTAGANDE_BESLUT, {
    context: { meddelande: 'Välj om synpunkten beaktas, beaktas delvis, beaktas inte eller noteras.' },
  })
  beslut!: StallningstagandeBeslut;

  @ApiPropertyOptional({
    default: '',
    maxLength: 4000,
    description: 'Why; required for beaktas_delvis and beaktas_inte',
  })
  @IsString()
  @MaxLength(4000)
  @MotiveringOmDenKravs({
    context: { meddelande: 'Skriv en motivering: varför synpunkten beaktas delvis eller inte beaktas.' },
  })
  motivering: string = '';
}
