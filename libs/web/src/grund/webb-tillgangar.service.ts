import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { compile } from 'sass';

export interface Tillgang {
  typ: string;
  innehall: Buffer;
}

const paket = (namn: string) => dirname(require.resolve(`${namn}/package.json`));

/**
 * The pages' static files: the stylesheet, compiled from templates/webb/scss with govuk-frontend's
 * Sass (compiled once per content: the CSS is cached in the OS temp folder under the hash of its
 * sources, so a restart or a test app does not pay the second it takes), our script, govuk-frontend's
 * script and the platform's font. All read at start; a request only picks one.
 */
@Injectable()
export class WebbTillgangar implements OnModuleInit {
  private readonly filer = new Map<string, Tillgang>();
  private readonly mallar: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.mallar = resolve(config.TEMPLATES_DIR, 'webb');
  }

  onModuleInit(): void {
    const govuk = paket('govuk-frontend');
    this.filer.set('app.css', { typ: 'text/css; charset=utf-8', innehall: this.stylesheet(govuk) });
    this.filer.set('app.js', {
      typ: 'text/javascript; charset=utf-8',
      innehall: readFileSync(join(this.mallar, 'js/app.js')),
    });
    this.filer.set('favicon.svg', { typ: 'image/svg+xml', innehall: readFileSync(join(this.mallar, 'favicon.svg')) });
    this.filer.set('govuk-frontend.min.js', {
      typ: 'text/javascript; charset=utf-8',
      innehall: readFileSync(join(govuk, 'dist/govuk/govuk-frontend.min.js')),
    });
    for (const vikt of [400, 700]) {
      const fil = `source-sans-3-latin-${vikt}-normal.woff2`;
      this.filer.set(`fonter/${fil}`, {
        typ: 'font/woff2',
        innehall: readFileSync(join(paket('@fontsource/source-sans-3'), 'files', fil)),
      });
    }
  }

  get(namn: string): Tillgang | undefined {
    return this.filer.get(namn);
  }

  private stylesheet(govuk: string): Buffer {
    const kalla = join(this.mallar, 'scss/app.scss');
    const version = JSON.parse(readFileSync(join(govuk, 'package.json'), 'utf8')).version as string;
    const hash = createHash('sha256').update(readFileSync(kalla)).update(version).digest('hex').slice(0, 16);
    const cache = join(tmpdir(), `remissplattformen-${hash}.css`);
    if (existsSync(cache)) return readFileSync(cache);
    const css = compile(kalla, { loadPaths: [join(govuk, '..')], style: 'compressed', quietDeps: true }).css;
    writeFileSync(cache, css);
    return Buffer.from(css);
  }
}
