import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.token';
import { AppConfig } from '../config/config.schema';

/** Where people reach the platform: `PUBLIC_URL`, or this process' own address when it is not set. */
export function plattformsUrl(config: AppConfig, port: number = config.PORT): string {
  return (config.PUBLIC_URL ?? `http://${config.HOST}:${port}`).replace(/\/$/, '');
}

/**
 * Every address the platform gives a person (in e-mails, letters, the web pages), built in one
 * place so the paths agree. Pages have paths without `/api` (`/remisser/:id`, `/svara/:token`);
 * the API's own addresses (`/api/extern/:token`) are for programs, never mailed to a person.
 */
@Injectable()
export class PlattformsLankar {
  readonly bas: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.bas = plattformsUrl(config);
  }

  /** The page of a remiss, for the sender and for the nämnder it was sent to. */
  remiss(remissId: string): string {
    return `${this.bas}/remisser/${encodeURIComponent(remissId)}`;
  }

  /** An external remissinstans' personal link: its page, where it reads the remiss and answers. */
  externSvar(token: string): string {
    return `${this.bas}/svara/${encodeURIComponent(token)}`;
  }
}
