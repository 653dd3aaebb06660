import { compileTemplate, fill } from '../messages';
import { formatAmount, REASON_TEXTS, reasonTextsIn } from './reason-texts';

describe('the words of a reason', () => {
  it.each([
    [120000, 'zh', '12万'],
    [35000, 'zh', '3.5万'],
    [3500, 'zh', '3500'],
    [10050, 'zh', '10050'],
    [120000, 'en', '120,000'],
    [3500, 'en', '3,500'],
  ] as const)('%d yuan is written %s in %s', (yuan, language, expected) => {
    expect(formatAmount(yuan, language)).toBe(expected);
  });

  it.each(Object.entries(REASON_TEXTS).flatMap(([key, text]) => (['zh', 'en'] as const).map((language) => [key, language, text[language]] as const)))(
    '%s in %s is what fill makes of its template',
    (key, language, template) => {
      const params = { n: 3, amount: '12万', days: 45, text: '拿菜刀追砍' };
      const compiled = reasonTextsIn(language)[key as keyof typeof REASON_TEXTS];
      expect(compiled(params)).toBe(fill(template, params));
    },
  );

  it('a compiled template asks for a missing value as fill does (the tests make that an error)', () => {
    expect(() => compileTemplate('报警{n}次')({})).toThrow(/n/);
  });
});
