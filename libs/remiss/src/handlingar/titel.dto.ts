import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The text fields of a remisshandling upload (the file itself is the multipart field `fil`). */
export class TitelDto {
  @ApiPropertyOptional({ example: 'Förslag till policy för digital omställning' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  titel?: string;
}
