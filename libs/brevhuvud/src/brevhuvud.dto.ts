import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Faltnamn } from '@app/core';

const ifyllt = (meddelande: string) => ({ context: { meddelande } });

/** The letterhead's fields: what kommun.json holds, edited by the organisation's admin. */
@Faltnamn({
  namn: 'namn',
  besoksadress: 'besöksadress',
  postadress: 'postadress',
  telefon: 'telefon',
  epost: 'e-post',
  webb: 'webbplats',
  organisationsnummer: 'organisationsnummer',
  primarfarg: 'textfärg',
  accentfarg: 'accentfärg',
  vartDnrEtikett: 'etikett för eget diarienummer',
  ertDnrEtikett: 'etikett för mottagarens diarienummer',
})
export class BrevhuvudDto {
  @ApiProperty({ example: 'Enköpings kommun' })
  @IsString()
  @Matches(/\S/, ifyllt('Skriv organisationens namn som det ska stå i brevhuvudet.'))
  @MaxLength(120)
  namn!: string;

  @ApiProperty({ example: 'Kungsgatan 42, Enköping' })
  @IsString()
  @Matches(/\S/, ifyllt('Skriv besöksadressen.'))
  @MaxLength(200)
  besoksadress!: string;

  @ApiProperty({ example: '745 80 Enköping' })
  @IsString()
  @Matches(/\S/, ifyllt('Skriv postadressen.'))
  @MaxLength(200)
  postadress!: string;

  @ApiProperty({ example: '0171-62 50 00' })
  @IsString()
  @Matches(/\S/, ifyllt('Skriv telefonnumret.'))
  @MaxLength(40)
  telefon!: string;

  @ApiProperty({ example: 'kommunen@enkoping.se' })
  @IsString()
  @Matches(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, ifyllt('Skriv en e-postadress, till exempel kommunen@enkoping.se.'))
  @MaxLength(200)
  epost!: string;

  @ApiProperty({ example: 'www.enkoping.se' })
  @IsString()
  @Matches(/\S/, ifyllt('Skriv webbplatsens adress.'))
  @MaxLength(200)
  webb!: string;

  @ApiProperty({ example: '212000-0274' })
  @IsString()
  @Matches(
    /^\d{6}-\d{4}$/,
    ifyllt('Skriv organisationsnumret som tio siffror med bindestreck, till exempel 212000-0274.'),
  )
  organisationsnummer!: string;

  @ApiProperty({ example: '#0b5d4b', description: 'Text colour of the letterhead: contrast ≥ 4.5:1 against white' })
  @IsString()
  @Matches(/^#[0-9a-fA-F]{6}$/, ifyllt('Skriv färgen som # och sex hexadecimala tecken, till exempel #0b5d4b.'))
  primarfarg!: string;

  @ApiProperty({ example: '#d99a1e', description: 'Accent colour (lines and borders, never text)' })
  @IsString()
  @Matches(/^#[0-9a-fA-F]{6}$/, ifyllt('Skriv färgen som # och sex hexadecimala tecken, till exempel #d99a1e.'))
  accentfarg!: string;

  @ApiProperty({ example: 'Ärendenummer' })
  @IsString()
  @Matches(/\S/, ifyllt('Skriv vad det egna diarienumret kallas i brevhuvudet, till exempel Vårt dnr.'))
  @MaxLength(40)
  vartDnrEtikett!: string;

  @ApiProperty({ example: 'Ert dnr' })
  @IsString()
  @Matches(/\S/, ifyllt('Skriv vad mottagarens diarienummer kallas i brevhuvudet, till exempel Ert dnr.'))
  @MaxLength(40)
  ertDnrEtikett!: string;
}
