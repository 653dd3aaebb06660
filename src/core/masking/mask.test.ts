import { maskIdNumber, maskName, maskParties, maskPhone, maskText, splitParties } from './mask';

describe('maskName', () => {
  it.each([
    ['keeps the surname of a two-character name', '张三', '张某'],
    ['keeps the surname of a three-character name', '张三丰', '张某'],
    ['keeps a compound surname', '欧阳娜娜', '欧阳某'],
    ['keeps the compound surname 司马', '司马光', '司马某'],
    ['keeps the compound surname 诸葛', '诸葛亮', '诸葛某'],
    ['keeps the compound surname 上官', '上官婉儿', '上官某'],
    ['keeps the compound surname 长孙', '长孙无忌', '长孙某'],
    ['reads a two-character name starting with a compound surname as surname and given name', '欧阳', '欧某'],
    ['masks a single character entirely', '张', '某'],
    ['gives empty text for empty text', '', ''],
    ['trims spaces first', '  李四 ', '李某'],
    ['keeps the first letter of a Latin name', 'John Smith', 'J某'],
    ['keeps the first letter of a lower-case Latin name', 'alice', 'a某'],
    ['leaves a masked name as it is', '张某', '张某'],
    ['keeps the first character of a transliterated name', '阿依古丽·买买提', '阿某'],
  ])('%s', (_name, input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
});

describe('splitParties', () => {
  it.each<[string, string, string[]]>([
    ['splits at 、', '张三、李四', ['张三', '李四']],
    ['splits at commas and semicolons of both widths', '张三,李四；王五，赵六;钱七', ['张三', '李四', '王五', '赵六', '钱七']],
    ['splits at line breaks', '张三\n李四', ['张三', '李四']],
    ['splits at spaces', '张三 李四', ['张三', '李四']],
    ['splits at ideographic spaces', '张三\u3000李四', ['张三', '李四']],
    ['splits at slashes', '张三/李四', ['张三', '李四']],
    ['drops bracketed roles', '张三（申请人）、李四(被申请人)', ['张三', '李四']],
    ['drops square-bracketed notes', '张三【村民】', ['张三']],
    ['drops role labels before a colon', '申请人：张三，被申请人：李四', ['张三', '李四']],
    ['drops a role word written before the name', '申请人张三', ['张三']],
    ['drops the longer role word 被申请人', '被申请人李四', ['李四']],
    ['drops a role word that stands alone', '申请人', []],
    ['drops 等5人 after a name', '张三等5人', ['张三']],
    ['drops 等人 after a name', '张三等人', ['张三']],
    ['drops a phone number after a space', '张三 13812345678', ['张三']],
    ['drops a phone number stuck to the name', '张三13812345678', ['张三']],
    ['keeps a compound-surname name whole', '欧阳娜娜', ['欧阳娜娜']],
    ['gives nothing for empty text', '', []],
    ['gives nothing for separators only', ' 、\n ', []],
    ['“等18户村民” after the first name of a group', '谢福生等18户村民', ['谢福生']],
    ['splits separators in a row and at both ends', '、张三，，李四；', ['张三', '李四']],
    ['drops a role word before the first of several names', '当事人张三、李四', ['张三', '李四']],
    ['keeps a role word with one character after it, which may be a name', '原告王', ['原告王']],
  ])('%s', (_name, input, expected) => {
    expect(splitParties(input)).toEqual(expected);
  });

  // The patterns as they were written before cells typed plainly were split in one pass: every
  // cell, plain or not, must still split as they say.
  const ROLES = ['被申请人', '被反映人', '申请人', '当事人', '反映人', '信访人', '另一方', '被告', '原告', '甲方', '乙方', '一方'];
  const byPatterns = (text: string): string[] =>
    text
      .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\u3000/g, ' ')
      .replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/g, ' ')
      .replace(/(?<![^\s、,;/:])[^\s、,;/:]*:/g, ' ')
      .split(/[\s、,;/\u00a0]+/)
      .map((raw) => raw.replace(/[\d+\-#]+/g, '').replace(/(?<![。.])[。.]+$/, '').replace(/等[一二三四五六七八九十两几多余]*(?:[人名户位家](?:村民|群众|居民|工人|农民工)?)?$/, ''))
      .map((part) => {
        const role = ROLES.find((w) => part.startsWith(w) && part.length - w.length >= 2);
        return role ? part.slice(role.length) : part;
      })
      .filter((part) => part !== '' && !ROLES.includes(part));
  it('splits 3,000 generated cells as the patterns do', () => {
    const pieces = ['张三', '李四', '欧阳娜娜', '王', '申请人', '被申请人', '当事人', '原告', '等', '等5人', '5', '、', '，', ',', '；', ';', '/', ' ', '\u3000', '\n', '（', '）', '(', ')', '：', ':', '。', '.', '#', 'A', '村'];
    let seed = 20261206;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      let cell = '';
      for (let k = Math.floor(next() * 8); k >= 0; k--) cell += pieces[Math.floor(next() * pieces.length)];
      expect([cell, splitParties(cell)]).toEqual([cell, byPatterns(cell)]);
    }
  });
});

describe('maskParties', () => {
  it.each([
    ['masks every party and joins them with 、', '张三、李四', '张某、李某'],
    ['masks parties with role labels on separate lines', '申请人：欧阳娜娜\n被申请人：张三丰', '欧阳某、张某'],
    ['masks parties with bracketed roles', '张三（申请人）,李四', '张某、李某'],
    ['gives empty text for empty text', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(maskParties(input)).toBe(expected);
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['keeps 6 + 4 digits of an 18-digit ID', '640422199001011234', '640422********1234'],
    ['keeps a final X', '64042219900101123X', '640422********123X'],
    ['writes a final lower-case x in upper case', '64042219900101123x', '640422********123X'],
    ['keeps 6 + 4 digits of a 15-digit ID', '640422900101234', '640422*****1234'],
    ['reads full-width digits', '６４０４２２１９９００１０１１２３４', '640422********1234'],
    ['ignores spaces inside and around the number', ' 640422 19900101 1234 ', '640422********1234'],
    ['ignores dots inside the number', '640422.19900101.1234', '640422********1234'],
    ['masks several IDs in one cell', '640422199001011234、640422199102021234', '640422********1234、640422********1234'],
    ['keeps 3 + 2 digits of an 8-digit number that is no ID', '12345678', '123***78'],
    ['keeps 3 + 2 digits of a 19-digit number', '6404221990010112345', '640**************45'],
    ['keeps the letters of a passport number and masks its digits', 'E12345678', 'E123***78'],
    ['hides a short number entirely', '1234567', '***'],
    ['hides text without a number', '不详', '***'],
    ['gives empty text for empty text', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });
});

describe('maskPhone', () => {
  it.each([
    ['keeps 3 + 4 digits of a mobile', '13812345678', '138****5678'],
    ['joins a mobile written with dashes', '138-1234-5678', '138****5678'],
    ['joins a mobile written with spaces', '138 1234 5678', '138****5678'],
    ['masks a mobile split by underscores', '139_0000_1234', '139_****_1234'],
    ['masks a mobile written one digit at a time', '1 3 9 0 0 0 0 1 2 3 4', '1 3 9 * * * * 1 2 3 4'],
    ['keeps a +86 prefix', '+8613812345678', '+86138****5678'],
    ['keeps the area code and last 4 digits of a landline', '0954-1234567', '0954-***4567'],
    ['keeps a three-digit area code', '010-12345678', '010-****5678'],
    ['keeps an area code in brackets', '(0954)1234567', '(0954)***4567'],
    ['keeps an area code in full-width brackets as ASCII', '（0954）1234567', '(0954)***4567'],
    ['finds the area code of a landline written without a dash', '09541234567', '0954***4567'],
    ['masks every number in a cell', '13812345678、13987654321', '138****5678、139****4321'],
    ['masks a mobile and a landline in one cell', '13812345678/0954-1234567', '138****5678/0954-***4567'],
    ['keeps an extension', '0954-1234567-801', '0954-***4567-801'],
    ['keeps the last 4 digits of a local number', '1234567', '***4567'],
    ['keeps only the last 4 digits of an 11-digit number that is no mobile', '12345678901', '*******8901'],
    ['reads full-width digits', '１３８１２３４５６７８', '138****5678'],
    ['joins a mobile written with dots', '138.1234.5678', '138****5678'],
    ['joins a mobile written with middle dots', '138·0000·8153', '138****8153'],
    ['joins a mobile written with katakana middle dots or a long dash', '138・0000・8153、139—1234—5678', '138****8153、139****5678'],
    ['keeps a mobile’s first three digits in brackets', '(138)12345678', '(138)****5678'],
    ['reads a mobile written in Chinese numerals', '一三八一二三四五六七八', '138****5678'],
    ['reads a mobile in Chinese numerals run together with a word after it', '一三八一二三四五六七八一直不通', '138****5678一直不通'],
    ['keeps text without a number', '无', '无'],
    ['gives empty text for empty text', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe('maskText', () => {
  it.each<[string, string, string[], string]>([
    ['masks each given name', '张三与李四因宅基地发生纠纷', ['张三', '李四'], '张某与李某因宅基地发生纠纷'],
    // Numbers in pieces of any grouping or mark: masked as one, the marks kept.
    ['masks an ID written in groups of four', '身份证3301 0619 9001 0100 2X', [], '身份证3301 06** **** **00 2X'],
    ['masks an ID written one digit at a time', '身份证3 3 0 1 0 6 1 9 9 0 0 1 0 1 0 0 2 x', [], '身份证3 3 0 1 0 6 * * * * * * * * 0 0 2 X'],
    ['masks a mobile written one digit at a time', '电话1 3 9 0 0 0 0 1 2 3 4', [], '电话1 3 9 * * * * 1 2 3 4'],
    ['masks a mobile split by underscores', '电话139_0000_1234', [], '电话139_****_1234'],
    ['masks a mobile split by full-width slashes', '电话139／0000／1234', [], '电话139／****／1234'],
    ['masks a mobile split by tildes', '电话139~0000~1234', [], '电话139~****~1234'],
    ['masks a mobile split by 、', '电话139、0000、1234', [], '电话139、****、1234'],
    ['masks a mobile split by full-width commas', '电话139，0000，1234', [], '电话139，****，1234'],
    ['masks a mobile split by two stars', '电话139**0000**1234', [], '电话139********1234'],
    ['masks a mobile split over lines', '电话139\n0000\n1234', [], '电话139\n****\n1234'],
    ['masks a mobile split by a figure dash', '电话139\u20120000\u20121234', [], '电话139\u2012****\u20121234'],
    ['masks a mobile with spaced dashes between its groups', '电话139 - 0000 - 1234', [], '电话139 - **** - 1234'],
    ['masks a mobile split by full-width full stops', '电话139．0000．1234', [], '电话139．****．1234'],
    // Digits read together that only happen to count 11, 15 or 18 are no number in pieces.
    ['masks two mobiles listed with a comma each on its own (not as one run)', '13800008153，15900001111', [], '138****8153，159****1111'],
    ['masks a mobile and an ID in pieces listed with 、, each on its own', '139 – 0000 – 1234、3301 0619 9001 0100 2X', [], '139 – **** – 1234、3301 06** **** **00 2X'],
    ['leaves a date in pieces alone', '2026、11、30 共13人', [], '2026、11、30 共13人'],
    ['leaves two dates of fifteen digits alone', '化解期限2021.3.15-2021.12.31', [], '化解期限2021.3.15-2021.12.31'],
    ['leaves two dates with slashes alone', '2021/3/15~2021/12/31', [], '2021/3/15~2021/12/31'],
    ['leaves a list of revisit days alone', '于1.5、1.12、1.20、2.13回访', [], '于1.5、1.12、1.20、2.13回访'],
    ['leaves a list of odd numbers alone, though its digits read as a mobile', '1、3、5、7、9、1、3、5、7、9、1', [], '1、3、5、7、9、1、3、5、7、9、1'],
    ['leaves a numbered list to 12 alone', '1、2、3、4、5、6、7、8、9、10、11、12', [], '1、2、3、4、5、6、7、8、9、10、11、12'],
    ['leaves an amount in thousands alone', '金额1,234,567,890元', [], '金额1,234,567,890元'],
    ['leaves a list of numbers alone', '1、2、3、4、5、6、7、8、9、10', [], '1、2、3、4、5、6、7、8、9、10'],
    ['masks the longest name first and never masks twice', '欧阳娜娜称欧阳要报复', ['欧阳', '欧阳娜娜'], '欧阳某称欧某要报复'],
    ['masks every occurrence of a name', '张三多次找张三的邻居', ['张三'], '张某多次找张某的邻居'],
    ['ignores one-character names', '张三', ['张'], '张三'],
    ['ignores duplicate and padded names', '张三、李四', ['张三', ' 张三 ', '李四 '], '张某、李某'],
    ['treats names as plain text, not patterns', 'a.b先生和axb', ['a.b'], 'a某先生和axb'],
    ['masks a mobile in the text', '张三的电话13812345678', ['张三'], '张某的电话138****5678'],
    ['masks an 18-digit ID in the text', '身份证640422199001011234', [], '身份证640422********1234'],
    ['masks an 18-digit ID written in its three groups (shown in full before)', '身份证号640422 19850505 4321，电话', [], '身份证号640422********4321，电话'],
    ['masks one written with hyphens and an X', '证号640422-19850505-432X', [], '证号640422********432X'],
    ['leaves grouped digits that are no ID alone', '编号 123456 12345678 12', [], '编号 123456 12345678 12'],
    ['masks a 15-digit ID in the text', '旧证640422900101234', [], '旧证640422*****1234'],
    ['masks a landline with an area code', '座机0954-1234567', [], '座机0954-***4567'],
    ['masks a mobile written with dots', '电话138.1234.5678', [], '电话138****5678'],
    ['masks a mobile written with middle dots (printed whole before)', '电话138·0000·8153', [], '电话138****8153'],
    ['masks a landline whose area code ends in a long dash', '座机0954—1234567', [], '座机0954—***4567'],
    ['masks an ID written in groups with middle dots', '身份证640422·19850505·4321', [], '身份证640422********4321'],
    ['masks a mobile whose first three digits stand in full-width brackets', '电话（138）12345678', [], '电话（138）****5678'],
    ['masks a mobile written in Chinese numerals', '电话一三八一二三四五六七八', [], '电话138****5678'],
    ['masks a name run together with a mobile in Chinese numerals, and the mobile', '当事人张三一三八一二三四五六七八', ['张三'], '当事人张某138****5678'],
    ['masks one whose name ends in 一 too', '联系王一一三九〇〇〇〇一一一一', ['王一'], '联系王某139****1111'],
    ['masks two mobiles in Chinese numerals written together', '电话一三八一二三四五六七八一三九八七六五四三二一', [], '电话138****5678139****4321'],
    ['masks a mobile in Chinese numerals followed by a numeral word', '拨打一三八一二三四五六七八三次未接', [], '拨打138****5678三次未接'],
    ['masks an ID written in Chinese numerals whole', '身份证六四〇四二二一九九〇〇一〇一一二三四', [], '身份证640422********1234'],
    ['masks an ID written in groups with dots', '身份证110101.19900307.1234', [], '身份证110101********1234'],
    ['leaves a short run of Chinese numerals alone', '第一二三组', [], '第一二三组'],
    ['leaves amounts, local numbers and dates alone', '2020年5月21日涉及30000元，1234567', [], '2020年5月21日涉及30000元，1234567'],
    ['leaves text without names or numbers alone', '双方达成协议', ['张三'], '双方达成协议'],
  ])('%s', (_name, text, names, expected) => {
    expect(maskText(text, names)).toBe(expected);
  });
});
