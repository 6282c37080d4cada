import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REMISSINSTANS_STATUSAR,
  RemissinstansStatus,
  REMISSVAR_STALLNINGAR,
  RemissvarStallning,
  STALLNINGSTAGANDE_BESLUT,
  StallningstagandeBeslut,
  SYNPUNKT_TYPER,
} from '@app/database';

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

/** The sender's current position on a synpunkt. */
export class AktuelltStallningstagandeResponse {
  @ApiProperty({ enum: STALLNINGSTAGANDE_BESLUT }) beslut!: StallningstagandeBeslut;
  @ApiProperty() motivering!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who recorded it' }) av!: string | null;
  @ApiProperty({ format: 'date-time' }) registrerad!: string;
  @ApiProperty({ description: '1 for the first, one more for every change' }) version!: number;
}

export class SammanstalldSynpunktResponse {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "The synpunkt's stable id; absent for the note on an answer sent as PDF",
  })
  id?: string;
  @ApiProperty({ format: 'uuid' }) instansId!: string;
  @ApiPropertyOptional({ description: "The answering instans' dnr" }) diarienummer?: string;
  @ApiProperty({ enum: SYNPUNKT_TYPER }) typ!: (typeof SYNPUNKT_TYPER)[number];
  @ApiPropertyOptional() rubrik?: string;
  @ApiPropertyOptional() citatinledning?: string;
  @ApiPropertyOptional({ type: CitatResponse }) citat?: CitatResponse;
  @ApiProperty() text!: string;
  @ApiPropertyOptional() stryk?: string;
  @ApiPropertyOptional() ersattMed?: string;
  @ApiProperty({ type: [String] }) fotnoter!: string[];
  @ApiProperty({ description: 'The instans that made it' }) instans!: string;
  @ApiPropertyOptional({ type: AktuelltStallningstagandeResponse })
  stallningstagande?: AktuelltStallningstagandeResponse;
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

/** Named apart from the status view's AntalPerStallningResponse: one schema name is one schema in OpenAPI. */
class AntalPerStallningMedAvstarResponse {
  @ApiProperty() tillstyrker!: number;
  @ApiProperty() tillstyrker_med_andringar!: number;
  @ApiProperty() avstyrker!: number;
  @ApiProperty() inga_synpunkter!: number;
  @ApiProperty({ description: 'Instanser that declined' }) avstar!: number;
  @ApiProperty({ description: 'Instanser that answered without a stated position (a PDF, or an answer by post)' })
  ej_angiven!: number;
}

class AnstandResponse {
  @ApiProperty({ format: 'date' }) svarsdatum!: string;
  @ApiPropertyOptional() orsak?: string;
}

class SammanstalldInstansResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() namn!: string;
  @ApiProperty({ enum: REMISSINSTANS_STATUSAR }) status!: RemissinstansStatus;
  @ApiPropertyOptional({ description: "The instans' own dnr" }) diarienummer?: string;
  @ApiProperty({ format: 'date' }) svarsdatum!: string;
  @ApiPropertyOptional({ type: AnstandResponse, description: 'Granted anstånd' }) anstand?: AnstandResponse;
  @ApiPropertyOptional({ enum: REMISSVAR_STALLNINGAR }) stallning?: RemissvarStallning;
  @ApiPropertyOptional({ description: 'Why it declined' }) avstarMotivering?: string;
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
  @ApiProperty({ type: AntalPerStallningMedAvstarResponse }) antalPerStallning!: AntalPerStallningMedAvstarResponse;
  @ApiProperty({ type: [FragaSvarResponse], description: "Every fråga with the instanser' answers" })
  fragor!: FragaSvarResponse[];
  @ApiProperty({ type: [SammanstalldInstansResponse], description: 'Every instans: dnr, anstånd, position, avstående' })
  instanser!: SammanstalldInstansResponse[];
  @ApiProperty({ type: [String], description: 'Instanser that declined' }) avstod!: string[];
  @ApiProperty({ type: [String], description: 'Instanser that have not answered' }) ejSvarat!: string[];
}
