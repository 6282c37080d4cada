import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig, StartupError } from '@app/core';
import { Mailer, messageIdFor } from '../mailer.service';
import { Utvecklingsbrevlada } from './utvecklingsbrevlada.service';

describe('the development mail sink (a real SMTP server in the process)', () => {
  const config = loadConfig({ DEV_SMTP_PORT: '0', DEV_SMTP_KEEP: '2' });
  const brevlada = new Utvecklingsbrevlada(config);
  let mailer: Mailer;
  let url: string;

  beforeAll(async () => {
    url = await brevlada.start();
    mailer = new Mailer(config, url);
  });
  afterAll(async () => {
    mailer.onModuleDestroy();
    await brevlada.onModuleDestroy();
  });

  it('keeps the latest DEV_SMTP_KEEP mails, newest first, with their envelope recipients', async () => {
    for (const n of [1, 2, 3])
      await mailer.send({
        to: 'un@enkoping.se',
        cc: 'kontakt@enkoping.se',
        subject: `Påminnelse ${n}`,
        text: `Brev ${n}`,
        messageId: messageIdFor('test', String(n)),
      });
    expect(brevlada.list().map((m) => [m.subject, m.text, m.mottagare])).toEqual([
      ['Påminnelse 3', 'Brev 3', ['un@enkoping.se', 'kontakt@enkoping.se']],
      ['Påminnelse 2', 'Brev 2', ['un@enkoping.se', 'kontakt@enkoping.se']],
    ]);
    const [senaste] = brevlada.list();
    expect(brevlada.get(senaste.id)).toBe(senaste);
  });

  it('names the port and what to do when it is taken', async () => {
    const upptagen = new Utvecklingsbrevlada(loadConfig({ DEV_SMTP_PORT: new URL(url).port }));
    await expect(upptagen.start()).rejects.toThrow(StartupError);
    await expect(upptagen.start()).rejects.toThrow(/127\.0\.0\.1:\d+, which is in use: set DEV_SMTP_PORT/);
    expect(upptagen.active).toBe(false);
  });
});
