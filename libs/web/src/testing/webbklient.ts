import { DEMO_PASSWORD } from '@app/demo';

export interface Sidsvar {
  status: number;
  /** Where a redirect leads (path and query), or undefined. */
  location?: string;
  html: string;
  /** The page's <title>, without the service name. */
  titel: string;
  contentType?: string;
}

/**
 * A browser without a browser, for the role × page matrix: keeps cookies, posts forms with the
 * session's token as a page would, and never follows redirects (the matrix asserts where they lead).
 */
export class Webbklient {
  private readonly cookies = new Map<string, string>();
  csrfToken?: string;

  /** `headers` go with every request (a client IP behind the trusted proxy, say). */
  constructor(
    readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** Signs in through the sign-in form; with several enheter, also chooses `enhet` (its id) or the first. */
  static async signIn(baseUrl: string, epost: string, enhetId?: string): Promise<Webbklient> {
    const klient = new Webbklient(baseUrl);
    const svar = await klient.post('/logga-in', { epost, losenord: DEMO_PASSWORD });
    if (svar.status !== 303) throw new Error(`sign-in as ${epost}: ${svar.status}`);
    if (svar.location?.startsWith('/valj-enhet')) {
      const val = await klient.get('/valj-enhet');
      const id = enhetId ?? /name="enhet"[^>]*value="([^"]+)"/.exec(val.html)?.[1];
      await klient.post('/valj-enhet', { enhet: id! });
    }
    return klient;
  }

  async get(path: string): Promise<Sidsvar> {
    return this.request(path, { method: 'GET' });
  }

  /** Posts a form; the session's token is read from the last page that carried one, unless the form gives its own. */
  async post(path: string, falt: Record<string, string>): Promise<Sidsvar> {
    const body = new URLSearchParams({ ...(this.csrfToken ? { _csrf: this.csrfToken } : {}), ...falt });
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }

  private async request(path: string, init: RequestInit): Promise<Sidsvar> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...this.headers, ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrfToken = token;
    const titel = /<title>([^<]*?)(?: – Remissplattformen)?<\/title>/.exec(html)?.[1] ?? '';
    const location = res.headers.get('location') ?? undefined;
    return { status: res.status, location, html, titel, contentType: res.headers.get('content-type') ?? undefined };
  }
}
