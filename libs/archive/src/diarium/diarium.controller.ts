import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@app/auth';
import { Faltnamn, OptionalNotNull } from '@app/core';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { DiariumRepository } from './diarium.repository';
import { DiariumService } from './diarium.service';

@Faltnamn({ arendemening: 'ärendemening' })
export class NyttArendeDto {
  @ApiProperty({ example: 'Remiss: Förslag till policy för digital omställning' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  arendemening!: string;

  @ApiPropertyOptional({
    description: 'An existing number to register under; allocated when absent',
    example: 'UN2025/412',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(40)
  diarienummer?: string;
}

@ApiTags('diarium')
@Controller('api')
export class DiariumController {
  constructor(
    private readonly diarier: DiariumRepository,
    private readonly service: DiariumService,
  ) {}

  @Get('diarier')
  @ApiOperation({ summary: "The diarier of the caller's organisation" })
  list(@CurrentActor() actor: Actor) {
    return this.diarier.list(actor);
  }

  @Post('diarier/:id/arenden')
  @ApiOperation({ summary: 'Open an ärende: allocate the next diarienummer or register an entered one' })
  register(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: NyttArendeDto) {
    return this.service.registerArende(actor, { diariumId: id, ...body });
  }

  @Get('arenden/:id')
  @ApiOperation({ summary: 'One ärende with its registered handlingar' })
  arende(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.diarier.arende(actor, id);
  }
}
