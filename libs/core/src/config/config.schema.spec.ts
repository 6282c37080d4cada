import { describe, expect, it } from '@jest/globals';
import { ConfigError, devMailSink, loadConfig } from './config.schema';

describe('configuration', () => {
  it('has defaults for everything, so an empty environment starts the platform with embedded services', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.DEMO_DATA).toBe(true);
  });

  it('reads and converts given values', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db/remiss',
      DEMO_DATA: 'false',
      TRUST_PROXY: '1',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgres://u@db/remiss',
      DEMO_DATA: false,
      TRUST_PROXY: true,
    });
  });

  it('takes a Redis Cluster hashtag in QUEUE_PREFIX, so all of the platform’s keys share one slot', () => {
    expect(loadConfig({ QUEUE_PREFIX: '{remiss}' }).QUEUE_PREFIX).toBe('{remiss}');
    expect(loadConfig({ QUEUE_PREFIX: 'prod-{remiss}' }).QUEUE_PREFIX).toBe('prod-{remiss}');
  });

  it('catches mail in the process when no SMTP_URL is given, except in production, which must name a server', () => {
    expect(devMailSink(loadConfig({}))).toBe(true);
    expect(devMailSink(loadConfig({ SMTP_URL: 'smtp://mail.enkoping.se:587' }))).toBe(false);
    expect(devMailSink(loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail:25' }))).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /^Configuration error: SMTP_URL is missing: in production mail must go to a real SMTP server/,
    );
  });

  it('treats an empty value as not set', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT has the invalid value "abc": /],
    [
      { DATABASE_URL: 'mysql://x' },
      /^Configuration error: DATABASE_URL has the invalid value "mysql:\/\/x": must be a URL starting with postgres:\/\/ or postgresql:\/\/\.$/,
    ],
    [{ DEMO_DATA: 'kanske' }, /^Configuration error: DEMO_DATA has the invalid value "kanske"/],
    [{ QUEUE_PREFIX: 'remiss:prod' }, /^Configuration error: QUEUE_PREFIX has the invalid value "remiss:prod"/],
    [{ QUEUE_PREFIX: '{a}{b}' }, /^Configuration error: QUEUE_PREFIX .*at most one \{hashtag\}/],
    [{ QUEUE_PREFIX: '{}' }, /^Configuration error: QUEUE_PREFIX has the invalid value "\{\}"/],
  ])('stops with one sentence naming the variable: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
