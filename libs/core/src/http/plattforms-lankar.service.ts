import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.token';
import { AppConfig } from '../config/config.schema';

/** Where people reach the platform: `PUBLIC_URL`, or this process' own address when it is not set. */
export function plattformsUrl(config: AppConfig, port: number = config.PORT): string {
  return (config.PUBLIC_URL ?? `http://${config.HOST}:${port}`).replace(/\/$/, '');
}

/**
 * Every address the platform gives a person (in e-mails, letters, the web pages), built in one
 * place so the paths agree: the web pages' paths, never the API's (`/api/…` is for programs).
 */
@Injectable()
export class PlattformsLankar {
  readonly bas: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.bas = plattformsUrl(config);
  }

  /** The page of a remiss for its sender: who has answered, the answers, the sammanställning. */
  remiss(remissId: string): string {
    return `${this.bas}/remisser/${encodeURIComponent(remissId)}`;
  }

  /** A nämnd's page of one remissinstans, the remiss as it received it: what invitations and reminders open. */
  instans(instansId: string): string {
    return `${this.bas}/inkorg/${encodeURIComponent(instansId)}`;
  }

  /** An external remissinstans' personal link: the page where it answers without an account. */
  externSvar(token: string): string {
    return `${this.bas}/svara/${encodeURIComponent(token)}`;
  }

  /** An invitation's one-time link, where the invited person sets a password. */
  inbjudan(token: string): string {
    return `${this.bas}/inbjudan/${encodeURIComponent(token)}`;
  }

  /** A password reset's one-time link. */
  aterstallning(token: string): string {
    return `${this.bas}/aterstall/${encodeURIComponent(token)}`;
  }
}
