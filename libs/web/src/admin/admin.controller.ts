import { Get } from '@nestjs/common';
import { Roller } from '@app/auth';
import { sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';

/** The overview of the admin's pages, the ones of this section and the users' and diariers' pages. */
@WebController('admin')
@Roller('admin')
export class AdminController {
  @Get()
  visa() {
    return sida('admin/oversikt');
  }
}
