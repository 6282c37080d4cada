import { ApiProperty } from '@nestjs/swagger';
import { Faltnamn } from '@app/core';
import { ROLLER, type Roll } from '@app/database';
import { IsEmail, IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

const TEXT = { context: { meddelande: 'Fyll i fältet.' } };

/** The platform operator's new organisation: itself, its first enhet and its first admin (who is invited). */
@Faltnamn({
  namn: 'organisationens namn',
  typ: 'typ av organisation',
  organisationsnummer: 'organisationsnummer',
  epost: 'organisationens e-postadress',
  adress: 'adress',
  enhetNamn: 'första enhetens namn',
  enhetKortnamn: 'enhetens kortnamn',
  adminNamn: 'administratörens namn',
  adminEpost: 'administratörens e-postadress',
})
export class NyOrganisationDto {
  @ApiProperty({ example: 'Region Exempel' })
  @IsString()
  @MinLength(2, TEXT)
  @MaxLength(200)
  namn!: string;

  @ApiProperty({ enum: ['kommun', 'region', 'myndighet', 'forening'] })
  @IsIn(['kommun', 'region', 'myndighet', 'forening'], { context: { meddelande: 'Välj typ av organisation.' } })
  typ!: 'kommun' | 'region' | 'myndighet' | 'forening';

  @ApiProperty({ example: '232100-0016', description: 'NNNNNN-NNNN, checked with its Luhn control digit' })
  @IsString()
  @MaxLength(20)
  organisationsnummer!: string;

  @ApiProperty({ example: 'region@exempel.se' })
  @IsEmail({}, { context: { meddelande: 'Skriv organisationens e-postadress, till exempel region@exempel.se.' } })
  @MaxLength(254)
  epost!: string;

  @ApiProperty({ example: 'Box 1, 123 45 Exempelstad' })
  @IsString()
  @MinLength(2, TEXT)
  @MaxLength(500)
  adress!: string;

  @ApiProperty({ example: 'Regionstyrelsen' })
  @IsString()
  @MinLength(2, TEXT)
  @MaxLength(200)
  enhetNamn!: string;

  @ApiProperty({ example: 'RS' })
  @Matches(/^[A-ZÅÄÖ0-9]{1,10}$/, {
    context: { meddelande: 'Skriv kortnamnet med 1–10 versaler eller siffror, till exempel RS.' },
  })
  enhetKortnamn!: string;

  @ApiProperty({ example: 'Anna Admin' })
  @IsString()
  @MinLength(2, TEXT)
  @MaxLength(200)
  adminNamn!: string;

  @ApiProperty({ example: 'admin@region-exempel.se' })
  @IsEmail({}, { context: { meddelande: 'Skriv administratörens e-postadress, till exempel namn@exempel.se.' } })
  @MaxLength(254)
  adminEpost!: string;
}

/** A role at one enhet of the own organisation. */
@Faltnamn({ enhetId: 'enhet', roll: 'roll' })
export class RollDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { context: { meddelande: 'Välj en enhet.' } })
  enhetId!: string;

  @ApiProperty({ enum: ROLLER })
  @IsIn(ROLLER, { context: { meddelande: 'Välj en roll.' } })
  roll!: Roll;
}

/** An admin invites a colleague with a first role; the invitation mail carries the link to set a password. */
@Faltnamn({ namn: 'namn', epost: 'e-postadress', enhetId: 'enhet', roll: 'roll' })
export class InbjudanDto extends RollDto {
  @ApiProperty({ example: 'Bo Berg' })
  @IsString()
  @MinLength(2, TEXT)
  @MaxLength(200)
  namn!: string;

  @ApiProperty({ example: 'bo.berg@region-exempel.se' })
  @IsEmail({}, { context: { meddelande: 'Skriv en e-postadress, till exempel namn@exempel.se.' } })
  @MaxLength(254)
  epost!: string;
}

/** A new password through a one-time link. The rules are checked by the service, to say which one failed. */
@Faltnamn({ losenord: 'nytt lösenord' })
export class NyttLosenordDto {
  @ApiProperty({ description: 'At least 12 characters; not the e-mail address or name; not a known leaked password' })
  @IsString()
  @MaxLength(1024)
  losenord!: string;
}

/** Field names carry "losenord", so a refused form's flash never keeps them (web-exception.filter.ts). */
@Faltnamn({ nuvarandeLosenord: 'nuvarande lösenord', nyttLosenord: 'nytt lösenord' })
export class BytLosenordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { context: { meddelande: 'Skriv ditt nuvarande lösenord.' } })
  @MaxLength(1024)
  nuvarandeLosenord!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  nyttLosenord!: string;
}

@Faltnamn({ epost: 'e-postadress' })
export class GlomtLosenordDto {
  @ApiProperty()
  @IsEmail({}, { context: { meddelande: 'Skriv din e-postadress, till exempel namn@exempel.se.' } })
  @MaxLength(254)
  epost!: string;
}
