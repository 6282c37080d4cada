import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Get, Logger, Module } from '@nestjs/common';
import { Public } from '@app/core';
import { commonModules } from '@app/runtime';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { WebController, WebGrundModule } from '@app/web';
import { expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { Browser } from 'puppeteer-core';

@WebController('prov')
class TrasigController {
  @Public()
  @Get('trasig')
  trasig(): never {
    throw new Error('a bug the user must not see');
  }
}

@Module({ imports: [WebGrundModule], controllers: [TrasigController] })
class TrasigModule {}

/** An unexpected error on a page is a Swedish page with a reference id, and the log has that id beside the stack. */
describe('the page of an unexpected error', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp((c, i) => ({ module: TrasigModule, imports: [...commonModules(c, i)] }), {
      demoData: false,
    });
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a reference id that the log carries with the stack, and not the error', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const page = await browser.newPage();
    const konsol = watchConsole(page);
    const svar = await page.goto(`${t.url}/prov/trasig`);
    expect(svar!.status()).toBe(500);
    const text = await mainText(page);
    expect(text).toMatch(/Något gick fel hos oss/);
    expect(text).not.toMatch(/a bug the user must not see/);
    const referens = /referensen (\w{8})/.exec(text)![1];
    const rad = logged.mock.calls.map((c) => String(c[0])).find((m) => m.includes(referens));
    expect(rad).toMatch(/a bug the user must not see/);
    expect(rad).toMatch(/GET \/prov\/trasig/);
    await expectAccessible(page, '500 page', konsol);
    logged.mockRestore();
  });
});
