import type { DeflateCodec } from '../../src/hosts/xlsx';
import { NODE_CODEC } from '../../src/cli/node-codec';

/**
 * Node's zlib with every part given `behind` (DeflateOptions) taken late, deterministically, where
 * the second thread takes it as its pace allows: with `interleaved`, one of its pieces between
 * every two pieces of the other parts, the rest when it is waited for or the package settles;
 * without, none until then. A run must end with either exactly as it ends when every part is
 * taken at once. `behindParts` counts the parts given so; `abandoned`, those let go untaken;
 * `takenBetween` and `takenInAll`, their pieces taken between other parts' and in all.
 */
export function lateCodec({ interleaved = false } = {}) {
  /** Parts behind: their pieces taken so far, and the rest to take. */
  const pending: { taken: Uint8Array[]; rest: Iterator<Uint8Array>; done: boolean }[] = [];
  let behindParts = 0;
  let abandoned = 0;
  let takenBetween = 0;
  let takenInAll = 0;
  const step = () => {
    let taken = 0;
    for (const part of pending) {
      if (part.done) continue;
      const next = part.rest.next();
      if (next.done) part.done = true;
      else {
        part.taken.push(next.value);
        taken++;
      }
    }
    return taken;
  };
  function* stepping(pieces: Iterable<Uint8Array>) {
    for (const piece of pieces) {
      yield piece;
      takenBetween += step();
    }
  }
  function* counted(pieces: Iterable<Uint8Array>) {
    for (const piece of pieces) {
      takenInAll++;
      yield piece;
    }
  }
  const codec: DeflateCodec = {
    ...NODE_CODEC,
    deflate: (pieces, options) => {
      if (!options?.behind) return NODE_CODEC.deflate(interleaved ? stepping(pieces) : pieces);
      behindParts++;
      const part = { taken: [] as Uint8Array[], rest: counted(pieces)[Symbol.iterator](), done: false };
      pending.push(part);
      let result: Uint8Array[] | undefined;
      return () => {
        if (!result) {
          pending.splice(pending.indexOf(part), 1);
          const rest = { [Symbol.iterator]: () => part.rest };
          result = NODE_CODEC.deflate((function* () {
            yield* part.taken;
            if (!part.done) yield* rest;
          })()) as Uint8Array[];
        }
        return result;
      };
    },
    settle: () => {
      // Each part's own waiting takes the rest of it; what is waited for later is then kept.
      for (const part of [...pending]) while (!part.done) step();
    },
    abandon: () => {
      abandoned += pending.length;
      for (const part of pending.splice(0)) part.rest.return?.();
    },
  };
  return { codec, behindParts: () => behindParts, abandoned: () => abandoned, takenBetween: () => takenBetween, takenInAll: () => takenInAll };
}
