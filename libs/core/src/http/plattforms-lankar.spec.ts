import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../config/config.schema';
import { PlattformsLankar, plattformsUrl } from './plattforms-lankar.service';

describe('the platform’s addresses', () => {
  it('use PUBLIC_URL without its trailing slash and are pages, never /api', () => {
    const lankar = new PlattformsLankar(loadConfig({ PUBLIC_URL: 'https://remiss.enkoping.se/' }));
    expect(lankar.remiss('6f1c')).toBe('https://remiss.enkoping.se/remisser/6f1c');
    expect(lankar.instans('9a2b')).toBe('https://remiss.enkoping.se/inkorg/9a2b');
    expect(lankar.externSvar('Ab-_9')).toBe('https://remiss.enkoping.se/svara/Ab-_9');
  });

  it('fall back to the address the process listens at when PUBLIC_URL is not set', () => {
    const config = loadConfig({ HOST: '127.0.0.1', PORT: '3100' });
    expect(plattformsUrl(config)).toBe('http://127.0.0.1:3100');
    expect(plattformsUrl(config, 3200)).toBe('http://127.0.0.1:3200');
  });
});
