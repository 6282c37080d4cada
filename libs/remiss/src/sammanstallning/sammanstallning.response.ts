import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REMISSVAR_STALLNINGAR, RemissvarStallning, SYNPUNKT_TYPER } from '@app/database';

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

class InstansStallningResponse {
  @ApiProperty() instans!: string;
  @ApiProperty({ enum: REMISSVAR_STALLNINGAR }) stallning!: RemissvarStallning;
}

class AntalPerStallningResponse {
  @ApiProperty() tillstyrker!: number;
  @ApiProperty() tillstyrker_med_andringar!: number;
  @ApiProperty() avstyrker!: number;
  @ApiProperty() inga_synpunkter!: number;
}

class InstansFragesvarResponse {
  @ApiProperty() instans!: string;
  @ApiProperty() text!: string;
}

class FragaSvarResponse {
  @ApiProperty() nummer!: number;
  @ApiProperty() fraga!: string;
  @ApiProperty({ type: [InstansFragesvarResponse] }) svar!: InstansFragesvarResponse[];
}

/** The remissammanställning: the expedierade answers' synpunkter by handling and page. */
export class RemissammanstallningResponse {
  @ApiProperty({ type: BrevhuvudResponse }) brevhuvud!: BrevhuvudResponse;
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty() diarienummer!: string;
  @ApiProperty() arendemening!: string;
  @ApiProperty({ type: [AvsnittResponse] }) avsnitt!: AvsnittResponse[];
  @ApiProperty({ type: [SammanstalldSynpunktResponse] }) utanHanvisning!: SammanstalldSynpunktResponse[];
  @ApiProperty({ type: [InstansStallningResponse], description: "Each expedierat answer's position" })
  stallningar!: InstansStallningResponse[];
  @ApiProperty({ type: AntalPerStallningResponse }) antalPerStallning!: AntalPerStallningResponse;
  @ApiProperty({ type: [FragaSvarResponse], description: "Every fråga with the instanser' answers" })
  fragor!: FragaSvarResponse[];
  @ApiProperty({ type: [String], description: 'Instanser that declined' }) avstod!: string[];
  @ApiProperty({ type: [String], description: 'Instanser that have not answered' }) ejSvarat!: string[];
}
