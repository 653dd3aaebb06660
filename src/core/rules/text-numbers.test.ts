import { amountInText, headcountInText, mediationFailuresInText, policeCallsInText } from './text-numbers';

const value = (read: (s: string) => { value: number } | null) => (text: string) => read(text)?.value ?? null;

describe('headcountInText reads people and households as staff write them', () => {
  it.each<[string, number | null]>([
    ['三十余人到镇政府反映', 30],
    ['四十多名学生家长到镇政府门口静坐', 40],
    ['上百人围观', 100],
    ['近百名村民', 100],
    ['百余名业主', 100],
    ['56户村民联名反映', 56],
    ['涉及８户３０人', 30],
    ['５０多名工人', 50],
    ['二三十人', 30],
    ['数十名村民聚集', 30],
    ['几十号人', 30],
    ['上百号村民', 100],
    ['住在32号楼', null],
    ['十余户', 10],
    ['张某等3人', 3],
    ['多名村民反映', 3],
    ['两人发生口角', 2],
    ['一人轻伤', 1],
    ['借款3万人民币', null],
    ['在第3人民医院就诊', null],
    ['70岁老人', null],
    ['3个月未付', null],
    ['2026年3月5日', null],
  ])('%s → %s', (text, expected) => {
    expect(value(headcountInText)(text)).toBe(expected);
  });

  it('quotes the phrase the number came from', () => {
    expect(headcountInText('四十多名学生家长到镇政府门口静坐')?.phrase).toBe('四十多名学生家长');
  });
});

describe('amountInText reads sums of money', () => {
  it.each<[string, number | null]>([
    ['拖欠工程款12万元', 120000],
    ['借款3.5万未还', 35000],
    ['欠款三万多元', 30000],
    ['欠款１，２００元', 1200],
    ['货款5000元', 5000],
    ['赔偿1.1万元', 11000],
    ['欠工程款120余万元', 1200000],
    ['五万块', 50000],
    ['3万人民币', 30000],
    ['3万亩林地', null],
    ['3万人', null],
    ['万元户', null],
    ['面积120平方米', null],
    // 万 and 千 typed on a keyboard.
    ['拖欠工资3.5w元', 35000],
    ['拖欠工程款50w', 500000],
    ['借款3.5w未还', 35000],
    ['欠款35k元', 35000],
    ['相距35km', null],
    ['损失35k', null],
    ['3w人参加', null],
    ['型号5W的灯泡坏了，赔了20元', 20],
  ])('%s → %s', (text, expected) => {
    expect(value(amountInText)(text)).toBe(expected);
  });
});

describe('mediationFailuresInText reads failed mediations', () => {
  it.each<[string, number | null]>([
    ['村调委会调解3次未成', 3],
    ['经三次调解均未达成协议', 3],
    ['先后组织调解四次，双方仍未达成一致', 4],
    ['调解两次未果', 2],
    ['二次调解未果', 2],
    ['多次调解未果', 3],
    ['民警多次上门调解均吃闭门羹', 3],
    ['屡调不成', 3],
    ['经村、镇两级调解均未成功', 2],
    ['镇调委会已调解二十余次，双方差距仍大', 20],
    ['调解3次后达成协议', null],
    ['调解一次即达成协议', null],
    ['双方同意调解', null],
  ])('%s → %s', (text, expected) => {
    expect(value(mediationFailuresInText)(text)).toBe(expected);
  });
});

describe('policeCallsInText reads police calls about the dispute', () => {
  it.each<[string, number | null]>([
    ['报警8次', 8],
    ['第5次报警', 5],
    ['先后报警四五十次', 50],
    ['报警达12次', 12],
    ['先后报警十二次', 12],
    ['一年内出警6次', 6],
    ['多次报警', 3],
    ['拨打110报警', null],
    ['报警一次', 1],
  ])('%s → %s', (text, expected) => {
    expect(value(policeCallsInText)(text)).toBe(expected);
  });
});
