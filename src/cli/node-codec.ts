import * as zlib from 'zlib';
import type { DeflateCodec } from '../hosts/xlsx';

/**
 * Node's native zlib behind the DeflateCodec contract: several times faster than fflate, and
 * bounded — `maxOutputLength` makes zlib stop with ERR_BUFFER_TOO_LARGE as soon as a stream holds
 * more than the zip declares, so a header that lies about an inflate bomb's size cannot make the
 * process build gigabytes. Parts above 16 MB (the ledger sheet and due-list of a 100,000-row
 * ledger) deflate at level 1, about three times faster than level 6 for a file a third larger.
 * Node only, so it lives with the command: the web page's worker uses fflate (FFLATE_CODEC).
 */
const BIG_PART_BYTES = 16 * 1024 * 1024;

export const NODE_CODEC: DeflateCodec = {
  deflate: (data) => zlib.deflateRawSync(data, { level: data.length > BIG_PART_BYTES ? 1 : 6 }),
  inflate: (data, size) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) }),
  crc32: (data) => zlib.crc32(data),
};
