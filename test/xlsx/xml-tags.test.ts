import { checkElementsNested, checkReferences, checkTagsClosed, wellFormedAttributes, XmlFormatError } from '../../src/hosts/xlsx/xml';

/** What `check` throws, undefined when it passes. */
function errorOf(check: () => void): unknown {
  try {
    check();
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('every tag of a part closes before the next starts', () => {
  it.each([
    ['<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'],
    ['<t>a > b</t>'],
    ['<c r="A1" x=">"/>'],
    ['<!-- <c r="A1"> --><t/>'],
    ['<t><![CDATA[<c r="A1">]]></t>'],
    ['<?mso-application progid="Excel.Sheet"?><t/>'],
    ['no markup at all'],
  ])('%j passes', (xml) => {
    expect(() => checkTagsClosed(xml)).not.toThrow();
  });

  it.each([
    // the part, where the unclosed tag starts
    ['<row r="1"><c r="A1" s="5"<v>1</v></c></row>', 11],
    ['<row r="1"><c r="A1"', 11],
    ['<sheetData><mergeCell ref="A1:B2"', 11],
    ['<a><', 3],
    // A tag starts with a name.
    ['<a><1b/></a>', 3],
    ['<a>< b/></a>', 3],
    ['<a></ a>', 3],
    ['<a><? ?></a>', 3],
  ])('%j is refused at character %i', (xml, at) => {
    const error = errorOf(() => checkTagsClosed(xml));
    expect(error).toBeInstanceOf(XmlFormatError);
    expect((error as XmlFormatError).offset).toBe(at);
  });
});

describe('the attributes of a start tag', () => {
  it.each([
    [' r="B5" s="3"', true],
    [" r='B5'", true],
    ['\n  r = "B5"\t', true],
    ['', true],
    [' r="B<5"', false],
    [' r="B5" <', false],
    [' r=B5', false],
    [' r="B5', false],
    ['r="B5"', false],
    [' 5r="B5"', false],
    [' r="B5"s="3"', false],
    // No name twice (XML 3.1): LibreOffice reads the last, a reader the first.
    [' r="H2" r="Z2"', false],
    [' r="H2" s="1" t="s" s="2"', false],
    [' r="H2" x:r="Z2" rr="1"', true],
    // Past the few names compared one by one, a set: the twentieth repeats the first.
    [` ${Array.from({ length: 19 }, (_, k) => `a${k}="1"`).join(' ')} a0="2"`, false],
    [` ${Array.from({ length: 20 }, (_, k) => `a${k}="1"`).join(' ')}`, true],
    // Every & in a value starts a reference XML defines.
    [' formatCode="a&amp;b&#x41;&#66;&quot;"', true],
    [' formatCode="a&b"', false],
    [' formatCode="&nbsp;"', false],
    [" x='&' y=\"1\"", false],
  ])('%j well-formed: %s', (attributes, expected) => {
    expect(wellFormedAttributes(attributes)).toBe(expected);
  });
});

/** What checkElementsNested throws for `xml`, undefined when it passes. */
function nestingError(xml: string): unknown {
  return errorOf(() => checkElementsNested(xml));
}

describe('elements and their namespaces', () => {
  it.each([
    ['<a><b/></a>', true],
    ['<x:a xmlns:x="urn:x"><x:b/></x:a>', true],
    // Declared on the element itself, on an ancestor, or the built-in xml prefix.
    ['<a><r:b xmlns:r="urn:r" r:id="1"/></a>', true],
    ['<a xmlns:r="urn:r"><b r:id="1"/></a>', true],
    ['<a xml:space="preserve"/>', true],
    // A value may hold what looks like a prefixed attribute.
    ['<a title=" r:id=1"/>', true],
    ['<a><r:b/></a>', false],
    ['<a><b r:id="1"/></a>', false],
    // Out of the declaring element's scope once it closes.
    ['<a><b xmlns:r="urn:r"/><r:c/></a>', false],
    // XML lets a value hold '>' and '/>'; a declaration after such a value is still seen.
    ['<a t="1>2"><b c="a/>b"/></a>', true],
    ['<a t="1>2" xmlns:r="urn:r"><b r:id="1"/></a>', true],
    // A '<' that starts no tag (its quote never ends) is not text.
    ['<a><xaaa"/></a>', false],
    ['<a>1 <b</a>', false],
    // Outside the root only XML's white space: a no-break space is text.
    ['<a/>\u00a0', false],
    ['<a/> \r\n\t', true],
    ['<a></b>', false],
    ['<a/><a/>', false],
    ['<a/>x', false],
  ])('%s is well-formed: %s', (xml, expected) => {
    expect(nestingError(xml) === undefined).toBe(expected);
    if (!expected) expect(nestingError(xml)).toBeInstanceOf(XmlFormatError);
  });
});

describe('the end of a part larger than those checked whole', () => {
  const body = `<worksheet><sheetData>${'<row/>'.repeat(200_000)}</sheetData></worksheet>`;
  it.each([
    ['a comment after the root', `${body}<!--a-->`, true],
    // Two side by side: the search for the second's start found it again and never ended.
    ['two comments side by side', `${body}<!--a--><!--b-->`, true],
    ['two processing instructions side by side', `${body}<?a?><?b?>`, true],
    ['an element after the root', `${body}<evil/>`, false],
    ['text after the root', `${body}junk`, false],
    ['a no-break space after the root', `${body}\u00a0`, false],
  ])('%s is well-formed: %s', (_name, xml, expected) => {
    expect(xml.length).toBeGreaterThan(1 << 20);
    expect(nestingError(xml) === undefined).toBe(expected);
  });
});

describe('references and CDATA ends in a part', () => {
  it.each([
    ['<a>&amp; &lt; &gt; &quot; &apos; &#65; &#x42;</a>'],
    ['<a x="]]>" y="&amp;"/>'],
    ['<a><!-- ]]> & --></a>'],
    ['<a><![CDATA[ & ]]></a>'],
    ['<a><?pi & ]]> ?></a>'],
    ['<a>]] > ]></a>'],
    ['no markup at all'],
  ])('%j passes', (xml) => {
    expect(() => checkReferences(xml)).not.toThrow();
  });

  it.each([
    // the part, where the reference or CDATA end stands
    ['<a>&nbsp;</a>', 3],
    ['<a>a & b</a>', 5],
    ['<a b="&"/>', 6],
    ['<a>x]]>y</a>', 4],
    ['<a><!-- & -->&</a>', 13],
    ['<a><![CDATA[ ]]>]]></a>', 16],
  ])('%j is refused at character %i', (xml, at) => {
    const error = errorOf(() => checkReferences(xml));
    expect(error).toBeInstanceOf(XmlFormatError);
    expect((error as XmlFormatError).offset).toBe(at);
  });
});
