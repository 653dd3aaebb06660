import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import { byteFacts, reuseBlock, type CountedDeflate, type DeflateCodec, type DeflateOptions, type InflatedAhead, type PartAhead } from '../hosts/xlsx';
import * as zlib from 'zlib';
import { deflatePieces, inflateWithZlib, NODE_CODEC, partDeflater, type PartDeflater } from './node-codec';

/**
 * Node's zlib with the deflating done on a second thread: the job goes on building the next part
 * (the due-list while the ledger sheet is compressed, the meeting summary while the due-list is)
 * instead of waiting, and waits only when the package is put together. On a 2-core machine that
 * takes most of the deflate's time (0.5–1 s of a 100,000-row run) off the job's path. The CRC-32
 * of each part is counted there too, before its piece is compressed and its buffer handed back.
 *
 * The job is synchronous, so the results come back through `receiveMessageOnPort` and the thread
 * blocks on an `Atomics.wait` — no event loop needed. The compressed stream is the one
 * NODE_CODEC makes (same pieces, same levels), so the output does not depend on the codec.
 * Small single-piece parts are deflated in place: a round trip would cost more than it saves.
 *
 * The rewritten ledger sheet is deflated behind the report sheets (DeflateOptions.behind): its
 * pieces, copied runs of the old sheet, come faster than zlib compresses them, so the job's thread
 * used to compress the overflow itself (16–23 of 92 pieces at 100,000 rows) and then wrote the
 * reports, whose pieces come several times slower than the thread takes them, while the thread
 * sat mostly idle. Now the sheet is taken while the thread has room, and the rest a few pieces at
 * a time between the reports' (catchUp): the job's thread compresses nothing. Alternating runs:
 * 3.31 → 3.28 s at 100,000 rows (eight pairs), 5.14 → 5.05 s with three quarters due (five).
 *
 * The thread also inflates the ledger sheet ahead of its reading (`inflateAhead`, asked for by
 * Package.prefetch), counting its CRC-32 and byteFacts as it goes, while the job reads the shared
 * strings: at 100,000 rows 0.2 s of inflating and looking at 75 MB, of which the job waits about
 * a third (sixteen alternating pairs: 68 ms faster on average; five with three quarters due:
 * 186 ms). The bytes come back whole, their buffer handed over, and are checked against the
 * zip's directory by the reader as its own are.
 */

/** Parts whose one piece is smaller than this are deflated on the job's thread. */
const IN_PLACE_BYTES = 1 << 16;
/**
 * Pieces handed over but not yet compressed before the job waits or compresses one itself: bounds
 * what is queued (a megabyte each). Eight: six for a part left behind (CATCH_UP_ROOM), two more
 * for the part being written.
 */
const MAX_QUEUED_PIECES = 8;
/** A worker that has made no progress for this long has failed (it deflates a piece in milliseconds). */
const STALL_MS = 60_000;

/** Slots of the shared counters: results posted, pieces taken. */
const RESULTS = 0;
const TAKEN = 1;

/**
 * Pieces of parts left behind are handed to the thread while fewer than this wait there (about
 * 20 ms of its work, longer than the report sheets take to make a piece): two places are kept for
 * the part being written, whose pieces would otherwise be compressed on the job's thread.
 */
const CATCH_UP_ROOM = MAX_QUEUED_PIECES - 2;

/** A part whose pieces are being handed to the thread (ThreadedDeflate.deflate). */
interface PartInHand {
  pieces: Iterator<Uint8Array>;
  /** Its number with the thread; -1 until it has a piece worth handing over. */
  id: number;
  /** A first piece too small to be worth the thread, held to see whether another follows. */
  first?: Uint8Array;
  /** The newest piece, handed over when the next comes: only then is it known whether another follows it. */
  newest?: Uint8Array;
  /** Every piece taken (or the taking failed, or the part was let go). */
  done: boolean;
  /** What making a piece threw: thrown again to whoever waits for the part. */
  failed?: unknown;
}

/** A piece of a part, the part's end, or both; `compressed`: the piece as the job's thread compressed it (ThreadedDeflate.hand). */
type Request = { id: number; piece?: Uint8Array; compressed?: Uint8Array; end?: boolean };
/** A part to inflate (DeflateCodec.inflateAhead): its compressed bytes, a copy of its own, and its declared size. */
type InflateRequest = { id: number; inflate: Uint8Array; size: number };
type Reply = { id: number; compressed?: Uint8Array[]; crc?: number; error?: string; inflated?: InflatedAhead };
/** A piece's buffer given back once compressed, to be filled again (utf8-blocks' reuseBlock). */
type Spare = { spare: Uint8Array };

/**
 * The worker's whole program, run from its source text (`eval`), so it needs no file of its own
 * beside the compiled command and runs the same under the tests. Each part is deflated by
 * node-codec's own `partDeflater`, handed in as its source text too: the same stream as
 * deflatePieces makes on the job's thread. A part to read is inflated by the job's own
 * `inflateWithZlib` and looked at by its `byteFacts`, handed in the same way.
 */
function deflateWorker(deflaterOf: typeof partDeflater, inflate: typeof inflateWithZlib, factsOf: typeof byteFacts) {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const zlib = require('zlib') as typeof import('zlib');
  const { workerData } = require('worker_threads') as typeof import('worker_threads');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { port, counters } = workerData as { port: MessagePort; counters: Int32Array };
  const parts = new Map<number, { deflater: PartDeflater; crc: number; failed?: string }>();
  const giveBack = (piece: Uint8Array) => {
    if (piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength) port.postMessage({ spare: piece } satisfies Spare, [piece.buffer as ArrayBuffer]);
  };
  const posted = (reply: Reply, transfer: ArrayBuffer[]) => {
    port.postMessage(reply, transfer);
    Atomics.add(counters, 0, 1);
    Atomics.notify(counters, 0);
  };
  const inflateAhead = ({ id, inflate: data, size }: InflateRequest) => {
    try {
      const inflated = inflate(zlib, data, size);
      const crc = zlib.crc32(inflated);
      const facts = factsOf(inflated);
      // Its buffer goes to the job's thread when it is the part's own (one byte larger: inflateWithZlib), else a copy (a small part's is Node's shared pool).
      const own = inflated.byteOffset === 0 && inflated.buffer.byteLength <= inflated.length + 1;
      const bytes = own ? inflated : new Uint8Array(inflated);
      // The compressed copy goes back too, to be freed by the job's collector: this thread's heap
      // barely grows, and a copy left here stayed for the whole run (10 MiB of the peak).
      posted({ id, inflated: { bytes, crc, facts } }, [bytes.buffer as ArrayBuffer, data.buffer as ArrayBuffer]);
    } catch (e) {
      posted({ id, error: String(e) }, []);
    }
  };
  port.on('message', (request: Request | InflateRequest) => {
    if ('inflate' in request) return inflateAhead(request);
    const { id, piece, compressed, end } = request;
    let part = parts.get(id);
    if (!part) parts.set(id, (part = { deflater: deflaterOf(zlib, giveBack), crc: 0 }));
    try {
      if (piece && !part.failed) {
        part.crc = zlib.crc32(piece, part.crc);
        if (compressed) {
          part.deflater.pushCompressed(compressed);
          giveBack(piece);
        } else part.deflater.push(piece);
      }
    } catch (e) {
      part.failed = String(e);
    }
    if (piece) {
      Atomics.add(counters, 1, 1);
      Atomics.notify(counters, 1);
    }
    if (!end) return;
    parts.delete(id);
    let reply: Reply;
    try {
      if (part.failed) throw new Error(part.failed);
      reply = { id, compressed: part.deflater.end(), crc: part.crc };
    } catch (e) {
      reply = { id, error: String(e) };
    }
    // Only buffers a piece owns whole are handed over: zlib may return a slice of a shared pool.
    const owned = (reply.compressed ?? []).filter((c) => c.byteOffset === 0 && c.byteLength === c.buffer.byteLength);
    posted(reply, owned.map((c) => c.buffer as ArrayBuffer));
  });
}

/** A piece the worker may own: its own buffer whole (TextEncoder's are), else a copy. */
function transferable(piece: Uint8Array): Uint8Array {
  // A copy made by the constructor: `slice` of a Node Buffer (zlib's output) is a view of the same memory.
  return piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength && piece.buffer instanceof ArrayBuffer ? piece : new Uint8Array(piece);
}

export class ThreadedDeflate {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly counters = new Int32Array(new SharedArrayBuffer(8));
  private readonly replies = new Map<number, Reply>();
  /** Requests whose replies nobody will take (PartAhead.drop): let go as they come. */
  private readonly dropped = new Set<number>();
  private nextId = 0;
  private posted = 0;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(`(${deflateWorker.toString()})(${partDeflater.toString()}, ${inflateWithZlib.toString()}, ${byteFacts.toString()})`, {
      eval: true,
      workerData: { port: port2, counters: this.counters },
      transferList: [port2],
    });
    // The command ends when its work is done, whether or not the worker has been stopped.
    this.worker.unref();
    this.port.unref();
  }

  readonly codec: DeflateCodec = {
    deflate: (pieces, options) => {
      const result = this.deflate(pieces, options);
      return typeof result === 'function' ? () => result().compressed : result.compressed;
    },
    deflateCounted: (pieces, options) => this.deflate(pieces, options),
    settle: () => this.settle(),
    abandon: () => this.abandon(),
    inflate: NODE_CODEC.inflate,
    crc32: NODE_CODEC.crc32,
    inflateAhead: (data, size) => this.inflateAhead(data, size),
  };

  /** Sends a part to be inflated on the thread; its compressed bytes are copied, not taken from the file's buffer. */
  private inflateAhead(data: Uint8Array, size: number): PartAhead {
    const id = this.nextId++;
    // A copy of its own to hand over, always: `data` is a view into the file read, whose buffer the job keeps.
    const copy = new Uint8Array(data);
    this.port.postMessage({ id, inflate: copy, size } satisfies InflateRequest, [copy.buffer]);
    return {
      take: () => {
        try {
          return this.takeReply(id).inflated;
        } catch {
          // The thread stopped: the job inflates the part itself.
          return undefined;
        }
      },
      drop: () => {
        if (!this.replies.delete(id)) this.dropped.add(id);
      },
    };
  }

  /**
   * Hands a part's pieces to the thread as they come. A part given `behind` (DeflateOptions: the
   * rewritten ledger sheet) is taken only while the thread has room; the rest of it is taken a few
   * pieces at a time while the parts after it are written (catchUp), which come slower than the
   * thread compresses, and whatever is left when its result is waited for or the package settles.
   * Before, the job's thread compressed the sheet's overflow itself (23 of its 92 pieces at
   * 100,000 rows) while the thread sat idle through most of the report sheets after it.
   */
  private deflate(pieces: Iterable<Uint8Array>, options?: DeflateOptions): CountedDeflate | (() => CountedDeflate) {
    const part: PartInHand = { pieces: pieces[Symbol.iterator](), id: -1, done: false };
    const behind = options?.behind === true;
    const small = this.handOn(part, behind ? CATCH_UP_ROOM : Infinity);
    if (small) return small;
    if (!part.done) this.behind.push(part);
    return () => {
      if (part.failed !== undefined) throw part.failed;
      this.finish(part);
      return this.take(part.id);
    };
  }

  /** Parts given `behind` whose pieces are not all taken yet, oldest first. */
  private behind: PartInHand[] = [];
  /** Pieces of parts left behind taken while other parts were written (for tests). */
  caughtUp = 0;

  /**
   * Takes a part's pieces and hands them to the thread until they end, or until `room` pieces wait
   * for the thread (the part is then left as it stands, to go on later). Pieces of other parts left
   * behind are handed between this part's, while the thread has room to spare. Returns the result
   * of a part too small to be worth the thread, deflated here. What making a piece throws (this
   * part's, or one left behind and caught up on here) fails the part: it is not taken again, and
   * the thread lets go of what it has of it.
   */
  private handOn(part: PartInHand, room: number): CountedDeflate | undefined {
    try {
      return this.takePieces(part, room);
    } catch (e) {
      part.failed = e;
      this.letGo(part);
      throw e;
    }
  }

  /** handOn's taking, which any error ends. */
  private takePieces(part: PartInHand, room: number): CountedDeflate | undefined {
    for (;;) {
      if (part.newest && this.queued() >= room) return undefined;
      const next = part.pieces.next();
      if (next.done) break;
      const piece = next.value;
      if (piece.length === 0) continue;
      if (part.id < 0 && !part.first && piece.length < IN_PLACE_BYTES) {
        part.first = piece;
        continue;
      }
      if (part.id < 0) {
        part.id = this.nextId++;
        part.newest = part.first && transferable(part.first);
        part.first = undefined;
      }
      if (part.newest) {
        this.hand(part.id, part.newest, true);
        if (room === Infinity) this.catchUp();
      }
      part.newest = transferable(piece);
    }
    this.leave(part);
    if (part.id < 0) return { compressed: deflatePieces(part.first ? [part.first] : []), crc: part.first ? NODE_CODEC.crc32!(part.first) : 0 };
    if (part.newest) this.hand(part.id, part.newest, false);
    this.port.postMessage({ id: part.id, end: true } satisfies Request);
    return undefined;
  }

  /** Marks a part as taken whole (or failed): no longer left behind. */
  private leave(part: PartInHand) {
    part.done = true;
    this.notBehind(part);
  }

  private notBehind(part: PartInHand) {
    const at = this.behind.indexOf(part);
    if (at >= 0) this.behind.splice(at, 1);
  }

  /**
   * Hands pieces of the parts left behind while fewer than CATCH_UP_ROOM wait for the thread: the
   * rest of its room is kept for the part being written, whose pieces would otherwise be compressed
   * here. Not re-entered: a part left behind catches no other up.
   */
  private catchUp() {
    if (this.catchingUp) return;
    this.catchingUp = true;
    try {
      while (this.behind.length > 0 && this.queued() < CATCH_UP_ROOM) {
        const before = this.posted;
        this.handOn(this.behind[0], CATCH_UP_ROOM);
        this.caughtUp += this.posted - before;
      }
    } finally {
      this.catchingUp = false;
    }
  }
  private catchingUp = false;

  /** Takes the rest of a part left behind, compressing here what the thread has no room for, as any part's. */
  private finish(part: PartInHand) {
    if (part.done) return;
    // No longer behind first: the parts caught up on meanwhile are the others.
    this.notBehind(part);
    this.handOn(part, Infinity);
  }

  /** Takes the rest of every part left behind (DeflateCodec.settle). */
  settle() {
    while (this.behind.length > 0) this.finish(this.behind[0]);
  }

  /**
   * Lets go of every part left behind (DeflateCodec.abandon: its package is done with, its job
   * failed): its pieces are not taken, and the thread's reply to it is dropped as it comes. Else
   * the next job would take them, and could fail with the last one's error.
   */
  abandon() {
    for (const part of [...this.behind]) {
      this.letGo(part);
      try {
        part.pieces.return?.();
      } catch {
        // A generator that throws as it is closed: nothing more is wanted of it.
      }
    }
  }

  /** A part no one will wait for: its end posted, so the thread frees it, and its reply dropped. */
  private letGo(part: PartInHand) {
    this.leave(part);
    if (part.id < 0) return;
    this.port.postMessage({ id: part.id, end: true } satisfies Request);
    this.dropped.add(part.id);
  }

  /** Pieces handed to the thread and not yet taken by it. */
  private queued(): number {
    return this.posted - Atomics.load(this.counters, TAKEN);
  }

  /** Compresses here what the thread would (PartDeflater.middle), to hand it over compressed. */
  private readonly here = partDeflater(zlib);

  /**
   * Hands a piece to the thread. While the thread has its fill, a piece another follows is
   * compressed here instead of waiting: each piece is compressed on its own, so where makes no
   * difference to the bytes. The thread still takes it (to count its CRC and keep the pieces in
   * order) and gives its buffer back. At 100,000 rows the job's thread waited 0.15 s for the
   * thread while it wrote the ledger sheet (which now goes behind, and is not compressed here).
   */
  private hand(id: number, piece: Uint8Array, followed: boolean) {
    if (followed && !this.hasRoom()) return this.send({ id, piece, compressed: transferable(this.here.middle(piece)) });
    // Backpressure: the job makes pieces faster than zlib compresses them; never queue more than a few.
    this.waitUntil(() => this.hasRoom(), TAKEN);
    this.send({ id, piece });
  }

  /** Whether fewer pieces than MAX_QUEUED_PIECES wait for the thread. */
  private hasRoom(): boolean {
    return this.queued() < MAX_QUEUED_PIECES;
  }

  /** Posts a piece (and its compressed form, if made here), their buffers going with it. */
  private send(request: Request & { piece: Uint8Array }) {
    this.receive();
    const buffers = [request.piece.buffer as ArrayBuffer];
    if (request.compressed) buffers.push(request.compressed.buffer as ArrayBuffer);
    this.port.postMessage(request, buffers);
    this.posted++;
  }

  private take(id: number): CountedDeflate {
    const reply = this.takeReply(id);
    if (reply.error !== undefined) throw new Error(`deflate failed: ${reply.error}`);
    return { compressed: reply.compressed!, crc: reply.crc! };
  }

  /** Waits for the thread's reply to request `id`. */
  private takeReply(id: number): Reply {
    this.waitUntil(() => {
      this.receive();
      return this.replies.has(id);
    }, RESULTS);
    const reply = this.replies.get(id)!;
    this.replies.delete(id);
    return reply;
  }

  /** Takes what the worker has posted: compressed parts, and buffers given back to be filled again. */
  private receive() {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const message = m.message as Reply | Spare;
      if ('spare' in message) reuseBlock(message.spare);
      else if (!this.dropped.delete(message.id)) this.replies.set(message.id, message);
    }
  }

  private waitUntil(done: () => boolean, slot: number) {
    let since = Date.now();
    for (let seen = Atomics.load(this.counters, slot); !done(); seen = Atomics.load(this.counters, slot)) {
      if (Atomics.wait(this.counters, slot, seen, 1000) !== 'timed-out') since = Date.now();
      else if (Date.now() - since > STALL_MS) throw new Error('the deflate thread stopped responding');
    }
  }

  /** Stops the worker (the command need not: it is unreferenced). */
  close(): Promise<number> {
    this.behind = [];
    this.port.close();
    return this.worker.terminate();
  }
}

/** Runs `body` with a codec that deflates on a thread of its own, stopped when `body` is done. */
export function withDeflateThread<T>(body: (codec: DeflateCodec) => T): T {
  let threaded: ThreadedDeflate;
  try {
    threaded = new ThreadedDeflate();
  } catch {
    // No second thread to be had (a runtime without worker_threads): the same bytes, one thread.
    return body(NODE_CODEC);
  }
  try {
    return body(threaded.codec);
  } finally {
    void threaded.close();
  }
}
