import { describe, expect, it } from '@jest/globals';
import { textdelar } from './textdelar';

describe('a mail’s text with its links', () => {
  it('cuts out each http(s) address, leaving the sentence’s punctuation as text', () => {
    expect(
      textdelar(
        'Svara här:\nhttps://remiss.enkoping.se/svara/Ab-_9?x=1&y=2.\n(se http://127.0.0.1:3000/inkorg/1), tack',
      ),
    ).toEqual([
      { text: 'Svara här:\n' },
      { lank: 'https://remiss.enkoping.se/svara/Ab-_9?x=1&y=2' },
      { text: '.\n(se ' },
      { lank: 'http://127.0.0.1:3000/inkorg/1' },
      { text: '), tack' },
    ]);
  });

  it('leaves text without addresses, and other schemes, as text', () => {
    expect(textdelar('javascript:alert(1) <b>Hej</b>')).toEqual([{ text: 'javascript:alert(1) <b>Hej</b>' }]);
    expect(textdelar('')).toEqual([]);
  });
});
