import { HANDOUT_TEXT_CHARS, handoutExcerpt, handoutWindow } from './excerpt';

const N = HANDOUT_TEXT_CHARS;

describe('handoutExcerpt: a ledger text as a handout line shows it', () => {
  it.each<[string, string, string]>([
    ['keeps a text of the limit whole', '纠'.repeat(N), '纠'.repeat(N)],
    ['keeps a short text whole', '张三扬言要砍死李四', '张三扬言要砍死李四'],
    ['cuts a longer one at the limit and ends it with …', '纠'.repeat(N + 1), `${'纠'.repeat(N)}…`],
    ['leaves out whole a number the cut would split (no part of an ID on the paper)', `${'纠'.repeat(N - 4)}440106199001011234后`, `${'纠'.repeat(N - 4)}…`],
    ['keeps a number that ends at the limit', `${'纠'.repeat(N - 4)}1234后`, `${'纠'.repeat(N - 4)}1234…`],
    ['does not split a character outside the BMP', `${'纠'.repeat(N - 1)}𠀀${'纠'.repeat(10)}`, `${'纠'.repeat(N - 1)}…`],
    ['drops the spaces before the …', `${'纠'.repeat(N - 2)}  ${'纠'.repeat(10)}`, `${'纠'.repeat(N - 2)}…`],
  ])('%s', (_name, text, shown) => {
    expect(handoutExcerpt(text)).toBe(shown);
  });
});

describe('handoutWindow: what of a text is masked before the line is cut', () => {
  it('keeps whole twice what a line shows, so masking sees whole whatever the line will show', () => {
    const text = '纠'.repeat(3 * N);
    expect(handoutWindow(text)).toBe(`${'纠'.repeat(2 * N)}…`);
    expect(handoutWindow('纠'.repeat(2 * N))).toBe('纠'.repeat(2 * N));
  });
});
