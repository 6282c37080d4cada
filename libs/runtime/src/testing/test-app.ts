import { DynamicModule, INestApplication } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD, loadDemoData } from '@app/demo';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../http-app';

export interface TestApp {
  app: INestApplication;
  url: string;
  db: TestDatabase;
  config: AppConfig;
  /** A client signed in as a demo user (password DEMO_PASSWORD). */
  as(epost: string): Promise<ApiClient>;
  anonymous(): ApiClient;
  close(): Promise<void>;
}

export interface TestAppOptions {
  demoData?: boolean;
  config?: Record<string, string>;
  /** Run on this database (e.g. to restart an app on the same data); it is then left for its owner to drop. */
  db?: TestDatabase;
}

/** Starts an app the way main() does, on a fresh database of its own and a random port. */
export async function startTestApp(
  module: (config: AppConfig, location: { databaseUrl: string; redisUrl: string }) => DynamicModule,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const config = db.config(options.config);
  if (options.demoData ?? true) {
    const dataSource = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    await loadDemoData(dataSource);
    await dataSource.destroy();
  }
  const app = await createHttpApp(module(config, { databaseUrl: db.url, redisUrl: db.redisUrl }), config, 'test', [
    'error',
    'warn',
  ]);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    url,
    db,
    config,
    as: (epost) => ApiClient.login(url, epost, DEMO_PASSWORD),
    anonymous: () => new ApiClient(url),
    close: async () => {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Public routes that take no CSRF token, so a client need not learn one before calling them. */
const WITHOUT_CSRF_TOKEN = new Set(['/api/auth/login', '/api/auth/logout']);

/**
 * A tiny HTTP client over fetch that keeps the session cookie, as a browser would, and the
 * session's CSRF token (from login or /api/auth/me), which it sends as X-CSRF-Token on every
 * unsafe request unless the caller passes that header itself. A client given only a cookie learns
 * the token from /api/auth/me before its first unsafe request.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private cookie?: string,
    private csrfToken?: string,
  ) {}

  static async login(baseUrl: string, epost: string, losenord: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const res = await client.post('/api/auth/login', { epost, losenord });
    if (res.status !== 200) throw new Error(`login as ${epost} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  }

  get sessionCookie(): string | undefined {
    return this.cookie;
  }

  /** The session's CSRF token, as login or /api/auth/me answered it. */
  get sessionCsrfToken(): string | undefined {
    return this.csrfToken;
  }

  get<T = any>(path: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('POST', path, body, headers);
  }
  put<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('PUT', path, body, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('PATCH', path, body, headers);
  }
  delete<T = any>(path: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('DELETE', path, undefined, headers);
  }

  /** `body` as a string is sent as it is (for malformed-JSON tests); FormData as multipart; else JSON. */
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers }, redirect: 'manual' };
    const h = init.headers as Record<string, string>;
    if (this.cookie) h.cookie = this.cookie;
    if (
      this.cookie &&
      !SAFE_METHODS.has(method) &&
      !WITHOUT_CSRF_TOKEN.has(path) &&
      !Object.keys(h).some((k) => k.toLowerCase() === 'x-csrf-token')
    ) {
      if (!this.csrfToken) await this.get('/api/auth/me');
      if (this.csrfToken) h['x-csrf-token'] = this.csrfToken;
    }
    if (body instanceof FormData) init.body = body;
    else if (typeof body === 'string') {
      init.body = body;
      h['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.baseUrl}${path}`, init);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('remiss_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const type = res.headers.get('content-type') ?? '';
    const payload = type.includes('json')
      ? await res.json()
      : type.startsWith('text/')
        ? await res.text()
        : Buffer.from(await res.arrayBuffer());
    if (
      (path === '/api/auth/login' || path === '/api/auth/me') &&
      res.status === 200 &&
      typeof (payload as { csrfToken?: unknown }).csrfToken === 'string'
    ) {
      this.csrfToken = (payload as { csrfToken: string }).csrfToken;
    }
    return { status: res.status, headers: res.headers, body: payload as T };
  }
}
