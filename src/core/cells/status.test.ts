import type { CellValue, DisputeStatus } from '../model';
import { parseStatusText, parseYesNo, statusStatedIn } from './status';

describe('parseStatusText', () => {
  it.each<[string, CellValue, DisputeStatus | null]>([
    ['reads 已销号 as closed', '已销号', 'closed'],
    ['reads 销号 as closed', '销号', 'closed'],
    ['reads a resolved and closed dispute as closed', '已化解，已销号', 'closed'],
    ['does not read 未销号 as closed', '未销号', null],
    ['reads 已化解，未销号 as resolved', '已化解，未销号', 'resolved'],
    // Closure asked for or planned is no closure: a red case so marked went off the revisit list.
    ['does not read 申请销号 as closed', '申请销号', null],
    ['does not read 拟销号 as closed', '拟销号', null],
    ['reads 已化解，已提请销号 as resolved', '已化解，已提请销号', 'resolved'],
    ['does not read 销号申请中 as closed', '销号申请中', null],
    ['reads 已化解，已销号 as closed', '已化解，已销号', 'closed'],
    // An agreement gone back on is no settlement.
    ['reads 达成协议后对方反悔 as open', '达成协议后对方反悔', 'open'],
    ['reads 已调解，对方拒不履行 as open', '已调解，对方拒不履行', 'open'],
    ['reads 调解成功，但当事人扬言还要报复 as open', '调解成功，但当事人扬言还要报复', 'open'],
    ['reads 已化解，但一方仍不服 as open', '已化解，但一方仍不服', 'open'],
    ['reads 已化解，双方表示不再上访 as resolved', '已化解，双方表示不再上访', 'resolved'],
    ['reads 调解成功，但双方承诺不再上访 as resolved', '调解成功，但双方承诺不再上访', 'resolved'],
    ['reads 调解成功后双方握手言和 as resolved', '调解成功后双方握手言和', 'resolved'],
    ['reads 已达成协议，尚未履行 as resolved (still to be carried out)', '已达成协议，尚未履行', 'resolved'],
    ['reads 已化解，待销号 as resolved, not open for its 待', '已化解，待销号', 'resolved'],
    ['reads 未化解 as open although it contains 化解', '未化解', 'open'],
    ['reads 化解中 as open', '化解中', 'open'],
    ['reads 调解中 as open', '调解中', 'open'],
    ['reads a failed 诉前调解 sent on to trial as open', '调解不成，转立案', 'open'],
    ['reads 调解不成 as open', '调解不成', 'open'],
    ['reads a withdrawal after the parties settled as resolved', '撤回（当事人自行和解）', 'resolved'],
    ['reads 撤诉 as resolved', '原告撤诉', 'resolved'],
    ['reads 多次调解未果 as open', '多次调解未果', 'open'],
    ['reads 调解失败 as open', '调解失败', 'open'],
    ['reads 调解不成功 as open although it contains 成功', '调解不成功', 'open'],
    ['reads 未成功 as open', '未成功', 'open'],
    ['reads 正在调解 as open', '正在调解', 'open'],
    ['reads 持续跟进 as open', '持续跟进', 'open'],
    ['reads 待调解 as open', '待调解', 'open'],
    ['reads 未达成协议 as open although it contains 达成协议', '未达成协议', 'open'],
    ['reads 化解成功 as resolved', '化解成功', 'resolved'],
    ['reads 已化解 as resolved', '已化解', 'resolved'],
    ['reads 调解成功 as resolved', '调解成功', 'resolved'],
    ['reads 已调解 as resolved', '已调解', 'resolved'],
    ['reads 已解决 as resolved', '已解决', 'resolved'],
    ['reads 已处理 as resolved', '已处理', 'resolved'],
    ['reads 成功 as resolved', '成功', 'resolved'],
    ['reads 双方达成协议 as resolved', '双方达成协议', 'resolved'],
    ['reads 已结案 as resolved', '已结案', 'resolved'],
    ['reads 化解 as resolved', '化解', 'resolved'],
    ['reads 已化解，待回访 as resolved, not open for its 待', '已化解，待回访', 'resolved'],
    ['reads 已化解，定期回访 as resolved', '已化解，定期回访', 'resolved'],
    ['reads text with full-width spaces', '　已化解　', 'resolved'],
    ['gives null for empty text', '', null],
    ['gives null for null', null, null],
    ['gives null for text that says neither', '已移交司法所', null],
  ])('%s', (_name, input, expected) => {
    expect(parseStatusText(input)).toBe(expected);
  });
});

describe('parseStatusText with settled wording, failures and follow-up words', () => {
  it.each<[string, CellValue, DisputeStatus | null]>([
    // Spaced out, with an invisible character inside, or in traditional characters: the same words.
    ['reads 已 化 解 as resolved', '已 化 解', 'resolved'],
    ['reads 已　化　解 (ideographic spaces) as resolved', '已　化　解', 'resolved'],
    ['reads 已化 + zero-width space + 解 as resolved', '已化\u200b解', 'resolved'],
    ['reads 已 销 号 as closed', '已 销 号', 'closed'],
    ['reads 已銷號 (traditional) as closed', '已銷號', 'closed'],
    ['reads 調解成功 (traditional) as resolved', '調解成功', 'resolved'],
    ['reads 未 化 解 as open', '未 化 解', 'open'],
    // Settled in part, or for now, is not settled.
    ['reads 部分化解 as open', '部分化解', 'open'],
    ['reads 初步化解 as open', '初步化解', 'open'],
    ['reads 基本化解 as open', '基本化解', 'open'],
    ['reads 经初步调解，双方达成协议，已化解 as resolved (初步调解 is mediation\'s first step)', '经初步调解，双方达成协议，已化解', 'resolved'],
    ['reads 已化解，初步达成的协议已履行 as resolved', '已化解，初步达成的协议已履行', 'resolved'],
    ['reads 部分达成协议 as open', '部分达成协议', 'open'],
    ['reads 矛盾暂时平息 as open', '矛盾暂时平息', 'open'],
    ['reads 已达成调解协议 as resolved', '已达成调解协议', 'resolved'],
    ['reads 达成调解协议 as resolved', '达成调解协议', 'resolved'],
    ['reads 已调结 as resolved', '已调结', 'resolved'],
    ['reads 调结 as resolved', '调结', 'resolved'],
    ['reads 协议已履行完毕 as resolved', '协议已履行完毕', 'resolved'],
    ['reads 履行完毕 as resolved', '履行完毕', 'resolved'],
    ['reads 已履行 as resolved', '已履行', 'resolved'],
    ['reads 息诉罢访 as resolved', '息诉罢访', 'resolved'],
    ['reads 双方握手言和 as resolved', '双方握手言和', 'resolved'],
    ['reads 调解成功，正在履行 as resolved although 正在 says ongoing', '调解成功，正在履行', 'resolved'],
    ['reads 已化解，持续跟进 as resolved although 跟进 says ongoing', '已化解，持续跟进', 'resolved'],
    ['reads 已达成协议，尚未履行 as resolved: the agreement is still to be carried out', '已达成协议，尚未履行', 'resolved'],
    ['reads 握手言和，待回访 as resolved', '握手言和，待回访', 'resolved'],
    ['reads 调解成功，已销号 as closed: closure comes first', '调解成功，已销号', 'closed'],
    ['reads 调解失败，已销号 as closed: closure comes first', '调解失败，已销号', 'closed'],
    ['reads 未调解成功 as open although it contains 调解成功', '未调解成功', 'open'],
    ['reads 调解无果 as open', '调解无果', 'open'],
    ['reads 李四拒绝调解 as open', '李四拒绝调解', 'open'],
    ['reads 经调解未达成调解协议 as open although it contains 达成调解协议', '经调解未达成调解协议', 'open'],
    ['reads 未能化解 as open although it contains 化解', '未能化解', 'open'],
    ['reads 没有化解 as open although it contains 化解', '没有化解', 'open'],
    ['reads 无法调解，正在跟进 as open', '无法调解，正在跟进', 'open'],
    ['reads a failure before a settled phrase as open: 调解失败，未达成协议', '调解失败，未达成协议', 'open'],
    ['reads 处理中 as open', '处理中', 'open'],
    ['reads 待回访 alone as saying neither', '待回访', null],
    ['reads 待销号 alone as saying neither', '待销号', null],
  ])('%s', (_name, input, expected) => {
    expect(parseStatusText(input)).toBe(expected);
  });
});

describe('parseYesNo', () => {
  it.each<[string, CellValue, boolean | null]>([
    ['reads 是 as yes', '是', true],
    ['reads 部分成功 as no', '部分成功', false],
    ['reads 是 with spaces around and inside a bracket as yes', ' 是 （已签协议）', true],
    ['reads a template\'s 是/否 left as it is as nothing', '是/否', null],
    ['reads 是□否□ as nothing', '是□否□', null],
    ['reads 否/是 as nothing', '否/是', null],
    ['reads 成功/失败 as nothing', '成功/失败', null],
    ['reads 否 as no', '否', false],
    ['reads a tick as yes', '√', true],
    ['reads a cross as no', '×', false],
    ['reads a check mark as yes', '✓', true],
    ['reads Y as yes', 'Y', true],
    ['reads n as no', 'n', false],
    ['reads YES as yes', 'YES', true],
    ['reads No as no', 'No', false],
    ['reads a letter X as no', 'X', false],
    ['reads 成功 as yes', '成功', true],
    ['reads 未成功 as no', '未成功', false],
    ['reads 失败 as no', '失败', false],
    ['reads the number 1 as yes', 1, true],
    ['reads the number 0 as no', 0, false],
    ['reads the text 1 as yes', '1', true],
    ['reads the text 0 as no', '0', false],
    ['reads 已 as yes', '已', true],
    ['reads 未 as no', '未', false],
    ['reads 已化解 as yes', '已化解', true],
    ['reads true as yes', true, true],
    ['reads false as no', false, false],
    ['reads a leading 是 with a note as yes', '是（已签协议）', true],
    ['reads a leading 否 with a note as no', '否，调解中', false],
    ['reads an ongoing status as no', '调解中', false],
    ['reads a settled agreement as yes', '已达成调解协议', true],
    ['reads a settled dispute being followed up as yes', '调解成功，正在履行', true],
    ['reads a closed status as yes', '已销号', true],
    ['reads 是否 as unknown, not yes', '是否', null],
    ['gives null for empty text', '', null],
    ['gives null for null', null, null],
    ['gives null for unreadable text', '不详', null],
  ])('%s', (_name, input, expected) => {
    expect(parseYesNo(input)).toBe(expected);
  });
});

describe('statusStatedIn: the status a description states of itself', () => {
  it.each<[string, string, DisputeStatus | null]>([
    ['the last clause', '两家因排水沟堵塞争执，经村调委会调解，纠纷已化解。', 'resolved'],
    ['the last clause, closed', '邻里因噪音吵闹，经调解达成协议，已销号', 'closed'],
    ['a label whose text tells the story and closes it', '化解情况：在司法所主持下签订调解协议，宅基地界址已重新确认，已销号', 'closed'],
    ['调解成功 as the last clause', '双方就赔偿数额协商，调解成功', 'resolved'],
    ['still open as the last clause', '双方就赔偿数额分歧较大，目前仍未化解', null],
    ['调解不成功 as the last clause', '双方各执一词，调解不成功', null],
    ['化解中 is no status stated', '张某与李某因宅基地争执，化解中', null],
    ['settled in the middle of the story', '调解已化解后张某又反悔，扬言报复', null],
    // A status at the start may be followed by what happened after it, written in later.
    ['not a status that opens the text', '已化解：双方签订赔偿协议。李某对赔偿金额不满，扬言要杀了张某全家。', null],
    ['not a status after an opening label', '状态：已化解。张某近日再度扬言要与李某同归于尽。', null],
    ['not 已化解 followed by a new incident', '已化解。次日张某持刀到李某家中将李某砍伤住院。', null],
    ['no status at all', '张某扬言要砍死李某', null],
    // 办结, 结案 close a police or petition case, not the dispute.
    ['not 办结', '赵某持刀闯入前妻家中砍伤其母，现已办结', null],
  ])('%s', (_, text, expected) => {
    expect(statusStatedIn(text)).toBe(expected);
  });
});
