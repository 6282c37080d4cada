import { DiariumSokQuery, NyttDiariumDto } from '@app/archive';
import { IsIn } from 'class-validator';

/** The search page's GET form: the API's filters, sort and page, 25 rows a page. */
export class DiariumSokFilter extends DiariumSokQuery {
  override pageSize = 25;
}

/** The admin's new diarium: previewed first or created. */
export class NyttDiariumFormular extends NyttDiariumDto {
  @IsIn(['forhandsgranska', 'skapa'])
  atgard!: 'forhandsgranska' | 'skapa';
}
