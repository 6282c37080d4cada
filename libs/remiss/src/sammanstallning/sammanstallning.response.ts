import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SYNPUNKT_TYPER } from '@app/database';

class BrevhuvudResponse {
  @ApiProperty({ example: 'enkoping' }) kommun!: string;
  @ApiProperty({ example: 'Kommunstyrelsen' }) enhet!: string;
  @ApiPropertyOptional() forvaltning?: string;
}

class CitatResponse {
  @ApiProperty() text!: string;
  @ApiProperty() sida!: number;
  @ApiPropertyOptional({ description: 'The remisshandling quoted, when the remiss has more than one' })
  handling?: string;
}

export class SammanstalldSynpunktResponse {
  @ApiProperty({ enum: SYNPUNKT_TYPER }) typ!: (typeof SYNPUNKT_TYPER)[number];
  @ApiPropertyOptional() rubrik?: string;
  @ApiPropertyOptional() citatinledning?: string;
  @ApiPropertyOptional({ type: CitatResponse }) citat?: CitatResponse;
  @ApiProperty() text!: string;
  @ApiPropertyOptional() stryk?: string;
  @ApiPropertyOptional() ersattMed?: string;
  @ApiProperty({ type: [String] }) fotnoter!: string[];
  @ApiProperty({ description: 'The instans that made it' }) instans!: string;
}

class AntalPerTypResponse {
  @ApiProperty() medhall!: number;
  @ApiProperty() invandning!: number;
  @ApiProperty() andringsforslag!: number;
  @ApiProperty() ovrigt!: number;
}

class AvsnittResponse {
  @ApiProperty({ description: 'The remisshandling' }) handling!: string;
  @ApiProperty() sida!: number;
  @ApiProperty({ type: [SammanstalldSynpunktResponse] }) synpunkter!: SammanstalldSynpunktResponse[];
  @ApiProperty({ type: AntalPerTypResponse }) antalPerTyp!: AntalPerTypResponse;
}

/** The remissammanställning: the expedierade answers' synpunkter by handling and page. */
export class RemissammanstallningResponse {
  @ApiProperty({ type: BrevhuvudResponse }) brevhuvud!: BrevhuvudResponse;
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty() diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty({ type: [AvsnittResponse] }) avsnitt!: AvsnittResponse[];
  @ApiProperty({ type: [SammanstalldSynpunktResponse] }) utanHanvisning!: SammanstalldSynpunktResponse[];
  @ApiProperty({ type: [String], description: 'Instanser that declined' }) avstod!: string[];
  @ApiProperty({ type: [String], description: 'Instanser that have not answered' }) ejSvarat!: string[];
}
