import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'remiss:public';

/** Marks a route (or controller) as open to callers without a session. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
