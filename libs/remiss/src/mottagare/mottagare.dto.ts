import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Faltnamn } from '@app/core';
import { MottagareDto } from '../utkast/remiss-utkast.dto';

@Faltnamn({ namn: 'namn', mottagare: 'mottagare' })
export class NySandlistaDto {
  @ApiProperty({ example: 'Länets kommuner' })
  @IsString()
  @MinLength(2, { context: { meddelande: 'Ge sändlistan ett namn på minst 2 tecken.' } })
  @MaxLength(200)
  namn!: string;

  @ApiProperty({ type: [MottagareDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MottagareDto)
  mottagare!: MottagareDto[];
}

/** A draft's recipients saved as a sändlista under a name. */
@Faltnamn({ namn: 'namn' })
export class SparaSandlistaDto {
  @ApiProperty({ example: 'Länets kommuner' })
  @IsString()
  @MinLength(2, { context: { meddelande: 'Ge sändlistan ett namn på minst 2 tecken.' } })
  @MaxLength(200)
  namn!: string;
}

@Faltnamn({ sandlistaId: 'sändlista' })
export class AnvandSandlistaDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { context: { meddelande: 'Välj en sändlista.' } })
  sandlistaId!: string;
}

@Faltnamn({ text: 'listan' })
export class MottagarImportDto {
  @ApiProperty({
    description: 'One recipient per line: `Name <e-mail>`, or CSV (`;`, `,` or tab) with a name and an e-mail',
    example: 'Region Uppsala <registrator@regionuppsala.se>\nHeby kommun;kommun@heby.se',
  })
  @IsString()
  @Matches(/\S/, { context: { meddelande: 'Klistra in minst en rad med namn och e-postadress.' } })
  @MaxLength(100000)
  text!: string;
}

@Faltnamn({ mottagare: 'mottagare' })
export class LaggTillMottagareDto {
  @ApiProperty({ type: [MottagareDto], description: 'Added to the draft; those it has already are left as they are' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MottagareDto)
  mottagare!: MottagareDto[];
}

@Faltnamn({ enhetIds: 'enheter' })
export class ValdaEnheterDto {
  @ApiProperty({ type: [String], description: 'The enheter the draft goes to; its external parties are kept' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  enhetIds!: string[];
}

export class FlyttaDto {
  @ApiProperty({ enum: ['upp', 'ned'] })
  @IsIn(['upp', 'ned'])
  riktning!: 'upp' | 'ned';
}
