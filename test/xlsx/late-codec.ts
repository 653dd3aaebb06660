import type { DeflateCodec } from '../../src/hosts/xlsx';
import { NODE_CODEC } from '../../src/cli/node-codec';

/**
 * Node's zlib with every part given `behind` (DeflateOptions) taken as late as it may be: none of
 * its pieces until its result is waited for or the package settles. Deterministic, where the
 * second thread takes them as its pace allows: a run must end with it exactly as it ends when
 * every part is taken at once. `behindParts` counts the parts given so.
 */
export function lateCodec(): { codec: DeflateCodec; behindParts: () => number } {
  const late: (() => unknown)[] = [];
  let behindParts = 0;
  const codec: DeflateCodec = {
    ...NODE_CODEC,
    deflate: (pieces, options) => {
      if (!options?.behind) return NODE_CODEC.deflate(pieces);
      behindParts++;
      let result: Uint8Array[] | undefined;
      const take = () => (result ??= NODE_CODEC.deflate(pieces) as Uint8Array[]);
      late.push(take);
      return take;
    },
    settle: () => late.splice(0).forEach((take) => take()),
  };
  return { codec, behindParts: () => behindParts };
}
