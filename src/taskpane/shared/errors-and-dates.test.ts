// The pane's own helpers: how a host's error is shown, and the default period's first day.
import { firstOfMonth } from './dates';
import { hostErrorText } from './errors';

describe('hostErrorText', () => {
  it.each<[unknown, string]>([
    [new Error('Excel 正忙'), 'Excel 正忙'],
    ['工作簿是只读的', '工作簿是只读的'],
    [{ message: 'RichApi.Error: 无法完成' }, 'RichApi.Error: 无法完成'],
    [new Error('出错了\n    at Object.run (office.js:1:2)'), '出错了'],
    [new Error(''), '（通用）'],
    [undefined, '（通用）'],
    [{ code: 42 }, '（通用）'],
  ])('shows %p as %p', (error, text) => {
    expect(hostErrorText(error, '（通用）')).toBe(text);
  });
});

describe('firstOfMonth', () => {
  it.each([
    ['2026-05-21', '2026-05-01'],
    ['2026-12-01', '2026-12-01'],
    ['2024-02-29', '2024-02-01'],
  ])('gives %p → %p', (day, first) => {
    expect(firstOfMonth(day)).toBe(first);
  });
});
