import { day, dispute } from '../summary/fixtures';
import type { FieldName } from '../model';
import { findSharedDisputes, type UnitDispute } from './duplicates';

const line = (unit: number, row: number, registered: number | null, text: Partial<Record<FieldName, string>>): UnitDispute => ({
  unit,
  dispute: dispute(row, { registered, text }),
});

describe('findSharedDisputes', () => {
  it.each<[string, UnitDispute[], number[][]]>([
    [
      'a 派出所 line passed to the 司法所: a party in common, two days later, same village',
      [line(0, 5, day(2026, 9, 14), { parties: '周玉梅\n刘长根', place: '河湾村', type: '宅基地纠纷' }), line(1, 9, day(2026, 9, 16), { parties: '刘长根、周玉梅', place: '河湾村二组', type: '邻里纠纷' })],
      [[0, 1]],
    ],
    [
      'a 司法所 case gone to the 法庭: 申请人 is 原告, the court’s 案由 in its own words, no place column',
      [line(1, 7, day(2026, 10, 20), { parties: '吴海燕、郑国庆', place: '石桥社区', type: '借款纠纷' }), line(2, 9, day(2026, 10, 23), { parties: '吴海燕、郑国庆', type: '民间借贷纠纷' })],
      [[0, 1]],
    ],
    [
      'a 信访 list without a type: the same phone, a group written two ways, the village in the address',
      [
        line(0, 14, day(2026, 11, 5), { parties: '谢福生等18户村民', phone: '13974520458', place: '龙潭村网格', type: '征地补偿纠纷' }),
        line(2, 9, day(2026, 11, 3), { parties: '谢福生、覃桂兰等（代表18户）', phone: '13974520458', address: '龙潭村', description: '征地青苗补偿标准偏低' }),
      ],
      [[1, 0]],
    ],
    ['one person in two disputes months apart', [line(0, 3, day(2026, 4, 16), { parties: '王德福、冯大海', place: '东岭村' }), line(1, 8, day(2026, 10, 16), { parties: '王德福、蒋文斌', place: '东岭村' })], []],
    [
      'two disputes in one village on one day with different parties',
      [line(0, 21, day(2026, 11, 9), { parties: '宋丽、胡小军', place: '石桥社区', type: '邻里纠纷' }), line(1, 20, day(2026, 11, 9), { parties: '曹建平、彭桂芳', place: '石桥社区', type: '邻里纠纷' })],
      [],
    ],
    [
      'a common name within days but a different matter in a different village',
      [line(0, 2, day(2026, 11, 1), { parties: '张伟、李强', place: '东岭村', type: '交通事故' }), line(1, 4, day(2026, 11, 3), { parties: '张伟、王芳', place: '河湾村', type: '婚姻纠纷' })],
      [],
    ],
    ['masked names (张某) alone tell nobody apart', [line(0, 2, day(2026, 11, 1), { parties: '张某、李某', place: '东岭村' }), line(1, 3, day(2026, 11, 2), { parties: '张某、王某', place: '东岭村' })], []],
    [
      'masked names join lines of the same type in the same village',
      [
        line(0, 2, day(2026, 11, 1), { parties: '张某某、李某某', place: '东岭村', type: '邻里纠纷' }),
        line(1, 3, day(2026, 11, 4), { parties: '张某某、李某某', place: '东岭村三组', type: '相邻关系纠纷' }),
      ],
      [[0, 1]],
    ],
    [
      'two lines of one unit are never joined, even through a third unit',
      [
        line(0, 2, day(2026, 11, 1), { parties: '陈志强、孙丽华', place: '东岭村' }),
        line(0, 3, day(2026, 11, 2), { parties: '陈志强、孙丽华', place: '东岭村' }),
        line(1, 5, day(2026, 11, 3), { parties: '陈志强、孙丽华', place: '东岭村' }),
      ],
      [[1, 2]],
    ],
  ])('%s', (_name, lines, groups) => {
    expect(findSharedDisputes(lines)).toEqual(groups);
  });

  it('joins lines by the party that tells them apart, not by one that thousands share (an employer in a wave of wage claims)', () => {
    // Two units, 2,500 lines each, all naming one company in one week; the workers of each unit's
    // lines 0–4 are the same five people. Paired by the company, there were six million candidates.
    // 2,500 distinct names of three Han characters: one for the unit (or 丙 for the shared five), two for i.
    const worker = (unit: number, i: number) => (i < 5 ? '丙' : unit === 0 ? '甲' : '乙') + String.fromCharCode(0x5000 + (i % 50), 0x5100 + Math.floor(i / 50));
    const claims = (unit: number) =>
      Array.from({ length: 2500 }, (_, i) => line(unit, i + 3, day(2026, 11, 1 + (i % 7)), { parties: `宏达建筑公司、${worker(unit, i)}`, type: '劳动争议', place: '工业园' }));
    const all = [...claims(0), ...claims(1)];
    expect(findSharedDisputes(all)).toEqual([0, 1, 2, 3, 4].map((i) => [i, 2500 + i]).sort((g, h) => all[g[0]].dispute.record.registered! - all[h[0]].dispute.record.registered! || g[0] - h[0]));
  });
});
