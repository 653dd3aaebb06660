import { cellText, parseIsoDay } from '../cells';
import { record } from '../ledger/fixtures';
import type { FieldName, TriagedDispute } from '../model';
import { DEFAULT_PRESET } from '../rules';
import { HANDOUT_TEXT_CHARS } from '../report';
import { renderDueList } from './render-due-list';

const AS_OF = parseIsoDay('2021-03-17')!;
const handling = DEFAULT_PRESET.handling;

/** One red dispute due today with the given ledger text. */
function due(text: Partial<Record<FieldName, string>>): TriagedDispute {
  return {
    record: record({ row: 7, registered: AS_OF - 10, lastRevisit: AS_OF - 1, text }),
    triage: { suggested: 'red', reasons: [], manual: null, effective: 'red', needsReview: false },
    schedule: { nextRevisit: AS_OF, overdueDays: 0, due: true },
  };
}

/** 村(社区), 当事人 and 简要情况 of the one row of a list holding just this dispute. */
function cells(text: Partial<Record<FieldName, string>>, mask: boolean): unknown[] {
  const sheet = renderDueList([{ owner: '王警官', items: [due(text)] }], { asOf: AS_OF, language: 'zh', mask, handling });
  const column = (header: string) => sheet.rows[2].findIndex((c) => c.value === header);
  const row = sheet.rows[4];
  return [row[column('村(社区)')].value, row[column('当事人')].value, row[column('简要情况')].value];
}

const REPRODUCTION = '张三系精神障碍患者(肇事肇祸),长期家暴,其未成年女儿王小花(12岁)受伤,住东村3组5号';
const REPRODUCTION_MASKED = '张某系（敏感信息略）,长期（敏感信息略）,其（敏感信息略）女儿王某（年龄略）受伤,住（地址略）';

describe('renderDueList handout masking', () => {
  it('masks a name, an ID and a phone number that invisible characters split, as the reader gives them', () => {
    const read = (text: string) => cellText(text);
    const [, party, brief] = cells(
      { parties: read('张三\u200b13812345678'), description: read('张三身份证110101\u200b19900307\u200b1234，电话138\u200b1234\u200b5678') },
      true,
    );
    expect(party).toBe('张某');
    expect(brief).not.toMatch(/张三|\d{7}|19900307|1234 5678/);
  });

  it.each<[string, string, boolean, string]>([
    ['masks a phone number written beside the responsible person', '王五13812345678', true, '责任人/单位：王五138****5678（1件）'],
    ['masks an ID number written beside the responsible person', '王五 110101199003071234', true, '责任人/单位：王五 110101********1234（1件）'],
    ['leaves the responsible person’s name as it is', '王警官', true, '责任人/单位：王警官（1件）'],
    ['leaves the heading as written without masking', '王五13812345678', false, '责任人/单位：王五13812345678（1件）'],
  ])('%s in the group heading', (_name, owner, mask, heading) => {
    const sheet = renderDueList([{ owner, items: [due({ parties: '张三' })] }], { asOf: AS_OF, language: 'zh', mask, handling });
    expect(sheet.rows[3][0].value).toBe(heading);
  });

  it.each<[string, Partial<Record<FieldName, string>>, boolean, unknown[]]>([
    [
      'leaves the address, sensitive labels, the child’s name and age out of the reviewer’s example',
      { place: '东村', parties: '张三', address: '东村3组5号', description: REPRODUCTION },
      true,
      ['东村', '张某', REPRODUCTION_MASKED],
    ],
    [
      'leaves the address out of the reviewer’s example when the ledger has no address column',
      { place: '东村', parties: '张三', description: REPRODUCTION },
      true,
      ['东村', '张某', REPRODUCTION_MASKED],
    ],
    [
      'leaves out the row’s own address that no pattern finds',
      { place: '城关镇', parties: '李四', address: '幸福家园二期', description: '李四住幸福家园二期，与邻居因漏水争执' },
      true,
      ['城关镇', '李某', '李某住（地址略），与邻居因漏水争执'],
    ],
    [
      'masks the title when there is no description',
      { place: '西村', parties: '王五', title: '王五（精神病人）与邻居纠纷' },
      true,
      ['西村', '王某', '王某（敏感信息略）与邻居纠纷'],
    ],
    [
      'keeps a villager group in the 村(社区) column',
      { place: '东村3组', parties: '赵六', description: '赵六讨要工钱' },
      true,
      ['东村3组', '赵某', '赵某讨要工钱'],
    ],
    [
      'leaves a house address out of the 村(社区) column',
      { place: '东村3组5号', parties: '赵六', description: '赵六讨要工钱' },
      true,
      ['（地址略）', '赵某', '赵某讨要工钱'],
    ],
    [
      'shows the reviewer’s example as it is when masking is off',
      { place: '东村3组5号', parties: '张三', address: '东村3组5号', description: REPRODUCTION },
      false,
      ['东村3组5号', '张三', REPRODUCTION],
    ],
  ])('%s', (_name, text, mask, expected) => {
    expect(cells(text, mask)).toEqual(expected);
  });
});

describe('renderDueList with a long ledger text', () => {
  // Cut before masking, each of these would have shown its first half as written.
  it.each([
    ['a full-width ID number', '４４０１０６１９９００１０１１２３４', /４４０１０６１９９０|440106199001/],
    ['a phone number written in groups', '138-1234-5678', /138-1234/],
    ['a party\'s name', '欧阳娜娜', /欧阳娜/],
  ])('masks %s that the cut at HANDOUT_TEXT_CHARS falls inside, before cutting', (_name, secret, shown) => {
    for (let shift = 1; shift < secret.length; shift++) {
      const description = `${'纠'.repeat(HANDOUT_TEXT_CHARS - shift)}${secret}后来又有争执`;
      const [, , summary] = cells({ parties: '欧阳娜娜', description }, true);
      expect(summary).not.toMatch(shown);
      expect((summary as string).length).toBeLessThanOrEqual(HANDOUT_TEXT_CHARS + 1);
    }
  });

  it('shows the first HANDOUT_TEXT_CHARS characters of a long 简要情况, masked, ended with …', () => {
    const long = `张三${'与邻居因排水沟堵塞发生口角，'.repeat(60)}`;
    const [, , summary] = cells({ parties: '张三', description: long }, true);
    expect(summary).toBe(`张某${long.slice(2, HANDOUT_TEXT_CHARS)}…`);
  });
});
