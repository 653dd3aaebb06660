/**
 * A rewritten part built from the old part's bytes must be, byte for byte, the UTF-8 of the same
 * edits applied to its text — whatever the text holds and wherever a block boundary falls.
 */
import { spliceBytes, spliceText, type SpliceOp } from '../../src/hosts/xlsx/part-splice';
import { utf8Pieces } from '../../src/hosts/xlsx/package';
import { BLOCK_BYTES } from '../../src/hosts/xlsx/utf8-blocks';

const encoder = new TextEncoder();
const joined = (pieces: Iterable<Uint8Array>) => Buffer.concat([...pieces].map((p) => Buffer.from(p)));

/** Edits every row of `old`: keeps its body and appends a cell, and inserts a row before the third. */
function editRows(old: string, own: (i: number) => string): SpliceOp[] {
  const ops: SpliceOp[] = ['<head/>'];
  let copied = 0;
  let i = 0;
  for (let end = old.indexOf('</row>'); end >= 0; end = old.indexOf('</row>', end + 1), i++) {
    if (i === 2) {
      const start = old.lastIndexOf('<row', end);
      ops.push({ from: copied, to: start }, '<row r="0">新行</row>');
      copied = start;
    }
    ops.push({ from: copied, to: end }, own(i));
    copied = end;
  }
  ops.push({ from: copied, to: old.length }, '<tail/>', { from: 5, to: 5 }, '');
  return ops;
}

describe('a part rewritten from its bytes', () => {
  it.each([
    ['ASCII only', (i: number) => `<row r="${i}"><c r="A${i}" t="s"><v>${i}</v></c></row>`],
    ['Chinese text', (i: number) => `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>第${i}行 张三</t></is></c></row>`],
    ['emoji (surrogate pairs) and two-byte letters', (i: number) => `<row r="${i}"><c><is><t>😀é${i}𠀀</t></is></c></row>`],
  ])('equals the UTF-8 of the edited text: %s', (_name, row) => {
    const old = Array.from({ length: 2000 }, (_, i) => row(i)).join('');
    const splice = editRows(old, (i) => `<c r="Z${i}" t="inlineStr"><is><t>红色😀${i}</t></is></c>`);
    const expected = Buffer.from([...spliceText(old, splice)].join(''));
    expect(joined(spliceBytes(old, encoder.encode(old), splice))).toEqual(expected);
  });

  it('fills blocks of a megabyte, each a buffer of its own, across runs and inserts that straddle them', () => {
    // 9 MB of rows with multi-byte text: block edges fall inside runs and inside inserted text.
    const old = Array.from({ length: 60_000 }, (_, i) => `<row r="${i}"><c><is><t>${'纠纷'.repeat(20)}${i}</t></is></c></row>`).join('');
    const splice = editRows(old, (i) => `<c><is><t>${'红'.repeat(i % 50)}</t></is></c>`);
    const blocks = [...spliceBytes(old, encoder.encode(old), splice)];
    expect(blocks.length).toBeGreaterThan(2);
    for (const b of blocks) expect(b.byteOffset === 0 && b.byteLength === b.buffer.byteLength).toBe(true);
    // Buffer.equals: a deep comparison of 9 MB element by element takes the test runner most of a minute.
    expect(joined(blocks).equals(Buffer.from([...spliceText(old, splice)].join('')))).toBe(true);
  });
});

describe('a long run is handed on a block at a time', () => {
  // One run of 40 MB: what follows the last dispute row in a sheet formatted to row 1,048,576.
  const RUN = 40 << 20;

  it('copies a run of the old bytes block by block as the deflater asks (a sheet with Chinese in it)', () => {
    const old = 'a'.repeat(RUN);
    const bytes = encoder.encode(old);
    const blocks = spliceBytes(old, bytes, [{ from: 0, to: RUN }]);
    expect(blocks.next().value).toHaveLength(BLOCK_BYTES);
    // Bytes changed after the first block was taken show in the next: it had not been made yet.
    bytes.fill(0x62, BLOCK_BYTES);
    const second = blocks.next().value as Uint8Array;
    expect(second[0]).toBe(0x62);
    expect([...blocks]).toHaveLength(RUN / BLOCK_BYTES - 2);
  });

  it('encodes a run of the old text block by block as the deflater asks (an ASCII sheet)', () => {
    const old = 'a'.repeat(RUN);
    const encodeInto = jest.spyOn(TextEncoder.prototype, 'encodeInto');
    try {
      const blocks = utf8Pieces(spliceText(old, [{ from: 0, to: RUN }]));
      expect(blocks.next().value).toHaveLength(BLOCK_BYTES);
      // One block made: the rest of the run is encoded only when asked for.
      expect(encodeInto.mock.calls.length).toBeLessThanOrEqual(2);
      expect([...blocks]).toHaveLength(RUN / BLOCK_BYTES - 1);
    } finally {
      encodeInto.mockRestore();
    }
  });
});
