/**
 * Reading zip archives (what `np.savez` and `np.savez_compressed` write): the central
 * directory, ZIP64 records (NumPy writes every member with ZIP64 local headers), stored and
 * deflated members, CRC-32 checked. Every offset is checked against the bytes before it is
 * read, so a truncated or corrupt archive is a FormatError, never a read past the end.
 * Deflate itself is fflate's `inflateSync` (vendored in src/io/fflate.generated.ts).
 * @module
 */
import { fflate } from './fflate.generated.ts';
import { FormatError } from '../errors.ts';

/** fflate's inflate into a given buffer (it writes at most `out.length` bytes). */
function inflateSync(data: Uint8Array, opts: { out: Uint8Array }): Uint8Array {
  return (fflate().inflateSync as (data: Uint8Array, opts: { out: Uint8Array }) => Uint8Array)(data, opts);
}

/** One member of an archive, as its central directory entry describes it. */
export interface ZipMember {
  /** The name as zipfile's namelist() gives it: cut at a NUL character. */
  readonly name: string;
  /** The name as stored (what the local header must repeat). */
  readonly storedName: string;
  readonly flags: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the member's local header. */
  readonly localOffset: number;
  /** Where the next member's local header (or the central directory) starts: the member's data must end before. */
  readonly endOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Deflate cannot expand more than 1032:1 (258 bytes from one 2-bit code pair, at best). */
const MAX_DEFLATE_RATIO = 1032;
const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** The upper half of code page 437, the encoding of names without the UTF-8 flag. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

let crcTable: Int32Array | null = null;

/**
 * The CRC-32 (zip's polynomial 0xEDB88320) of `bytes`, eight bytes a step (slicing by 8:
 * table k holds the CRC of a byte followed by k zero bytes).
 * @param bytes the data
 * @returns the checksum as an unsigned 32-bit number
 * @example
 * crc32(new TextEncoder().encode('123456789')); // 0xcbf43926
 */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Int32Array(2048);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
    for (let k = 256; k < 2048; k++) crcTable[k] = (crcTable[k - 256]! >>> 8) ^ crcTable[crcTable[k - 256]! & 0xff]!;
  }
  const t = crcTable;
  const n = bytes.length;
  let c = -1;
  let i = 0;
  if (HOST_LITTLE) {
    // Byte by byte up to a 4-byte boundary, then two little-endian words a step.
    while (i < n && (bytes.byteOffset + i) % 4 !== 0) c = t[(c ^ bytes[i++]!) & 0xff]! ^ (c >>> 8);
    const count = ((n - i) >>> 3) * 2; // 0 when the bytes ran out before the boundary
    const words = count === 0 ? new Int32Array(0) : new Int32Array(bytes.buffer, bytes.byteOffset + i, count);
    for (let k = 0; k < words.length; k += 2) {
      const a = words[k]! ^ c;
      const b = words[k + 1]!;
      c =
        t[1792 + (a & 0xff)]! ^ t[1536 + ((a >>> 8) & 0xff)]! ^ t[1280 + ((a >>> 16) & 0xff)]! ^ t[1024 + (a >>> 24)]! ^
        t[768 + (b & 0xff)]! ^ t[512 + ((b >>> 8) & 0xff)]! ^ t[256 + ((b >>> 16) & 0xff)]! ^ t[b >>> 24]!;
    }
    i += words.length * 4;
  }
  for (; i < n; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Bounds-checked little-endian reads; every failure is a FormatError naming `where`. */
class Reader {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    private readonly where: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  fail(message: string, offset?: number): never {
    throw new FormatError(`${this.where}: ${message}`, offset);
  }
  need(offset: number, length: number, what: string): void {
    if (!(offset >= 0 && offset + length <= this.bytes.length)) {
      this.fail(`truncated zip archive: the ${what} at byte ${offset} needs ${length} bytes, the archive has ${this.bytes.length}`, offset);
    }
  }
  u16(offset: number): number {
    return this.view.getUint16(offset, true);
  }
  u32(offset: number): number {
    return this.view.getUint32(offset, true);
  }
  /** A uint64 that must fit a safe integer. */
  u64(offset: number, what: string): number {
    const hi = this.view.getUint32(offset + 4, true);
    if (hi >= 0x200000) this.fail(`${what} at byte ${offset} is beyond 2^53`, offset);
    return hi * 4294967296 + this.view.getUint32(offset, true);
  }
}

/** Decodes a member name: UTF-8 when flag bit 11 says so, code page 437 otherwise. */
function decodeName(raw: Uint8Array, utf8: boolean, r: Reader, offset: number): string {
  if (utf8) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return r.fail('a member name flagged UTF-8 is not valid UTF-8', offset);
    }
  }
  let s = '';
  for (const b of raw) s += b < 128 ? String.fromCharCode(b) : CP437_HIGH[b - 128]!;
  return s;
}

/**
 * Lists the members of a zip archive from its central directory, as Python's zipfile does
 * (numpy.load reads .npz files with it): the end record is the last signature in the final
 * 64 KiB + 22 bytes, a ZIP64 end record is the 56 bytes before its locator, the central
 * directory is read by its size (not the entry count), offsets shift by the bytes found
 * before the central directory beyond what the end record says ("concat"), repeated names
 * are all listed (zipfile's lookups take the last). Refused as zipfile refuses: no end
 * record, a bad central signature, a corrupt extra field or ZIP64 field, a member needing zip
 * version 6.4 or later, multi-disk ZIP64 archives.
 * @param bytes the archive
 * @param where prefix of error messages
 * @returns the members, in directory order
 * @throws FormatError for anything but a well-formed single-disk archive
 */
export function zipMembers(bytes: Uint8Array, where: string): ZipMember[] {
  const r = new Reader(bytes, where);
  const n = bytes.length;
  let eocd = -1;
  if (n >= 22 && r.u32(n - 22) === EOCD && bytes[n - 2] === 0 && bytes[n - 1] === 0) eocd = n - 22;
  else {
    for (let i = n - 4; i >= Math.max(0, n - 22 - 65536); i--) {
      if (bytes[i] === 0x50 && r.u32(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd >= 0 && eocd + 22 > n) r.fail(`not a zip archive: the end-of-central-directory record at byte ${eocd} is cut short`, eocd);
  }
  if (eocd < 0) r.fail(`not a zip archive: no end-of-central-directory record in the last ${Math.min(n, 22 + 65536)} bytes`);
  let cdSize = r.u32(eocd + 12);
  let cdOffset = r.u32(eocd + 16);
  let concat = eocd - cdSize - cdOffset;
  const locator = eocd - 20;
  if (locator >= 0 && r.u32(locator) === ZIP64_LOCATOR) {
    if (r.u32(locator + 4) !== 0 || r.u32(locator + 16) > 1) r.fail('zip archives that span several disks are not supported', locator);
    const at = locator - 56;
    if (at < 0) r.fail(`the ZIP64 end-of-central-directory record before byte ${locator} is missing`, locator);
    if (r.u32(at) === ZIP64_EOCD) {
      cdSize = r.u64(at + 40, 'the central directory size');
      cdOffset = r.u64(at + 48, 'the central directory offset');
      concat = eocd - cdSize - cdOffset - 76;
    }
  }
  const start = cdOffset + concat;
  if (start < 0) r.fail(`bad offset for the central directory: ${cdOffset}`, eocd);
  const end = Math.min(start + cdSize, n);
  const members: Omit<ZipMember, 'endOffset'>[] = [];
  for (let p = start, k = 0; p < start + cdSize; k++) {
    if (p + 46 > end) r.fail(`truncated central directory: entry ${k} at byte ${p} needs 46 bytes`, p);
    if (r.u32(p) !== CENTRAL) r.fail(`central directory entry ${k} at byte ${p} has a bad signature`, p);
    const flags = r.u16(p + 8);
    const method = r.u16(p + 10);
    const crc = r.u32(p + 16);
    let compressedSize = r.u32(p + 20);
    let size = r.u32(p + 24);
    const nameLength = r.u16(p + 28);
    const extraLength = r.u16(p + 30);
    const commentLength = r.u16(p + 32);
    let localOffset = r.u32(p + 42);
    // zipfile reads name, extra field and comment from the directory's bytes, cut at its end
    const storedName = decodeName(bytes.subarray(p + 46, Math.min(p + 46 + nameLength, end)), (flags & 0x800) !== 0, r, p);
    if (bytes[p + 6]! > 63) r.fail(`member '${storedName}' needs zip version ${bytes[p + 6]! / 10}; zipfile (and ndvec) read up to 6.3`, p);
    // Extra fields; in a ZIP64 one, the 64-bit values of exactly the fields that read 0xFFFFFFFF.
    const extraEnd = Math.min(p + 46 + nameLength + extraLength, end);
    for (let e = p + 46 + nameLength; e + 4 <= extraEnd; ) {
      const id = r.u16(e);
      const len = r.u16(e + 2);
      if (e + 4 + len > extraEnd) r.fail(`corrupt extra field ${id.toString(16).padStart(4, '0')} of '${storedName}' (its length ${len} runs past the entry's extra data)`, e);
      if (id === 0x0001) {
        let q = e + 4;
        const take = (what: string): number => {
          if (q + 8 > e + 4 + len) r.fail(`corrupt ZIP64 extra field of '${storedName}': no ${what}`, e);
          const v = r.u64(q, `the ${what} of '${storedName}'`);
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = take('file size');
        if (compressedSize === 0xffffffff) compressedSize = take('compressed size');
        if (localOffset === 0xffffffff) localOffset = take('local header offset');
      }
      e += 4 + len;
    }
    const nul = storedName.indexOf('\0');
    members.push({ name: nul < 0 ? storedName : storedName.slice(0, nul), storedName, flags, method, crc32: crc, compressedSize, size, localOffset: localOffset + concat });
    p += 46 + nameLength + extraLength + commentLength;
  }
  // Each member's data must end before the next local header (by offset) or the central
  // directory: newer zipfile versions refuse such overlaps as a possible zip bomb.
  const offsets = [...new Set(members.map((m) => m.localOffset))].sort((a, b) => a - b);
  return members.map((m) => ({ ...m, endOffset: offsets.find((o) => o > m.localOffset) ?? start }));
}

/**
 * The uncompressed bytes of one member, its size and CRC-32 checked.
 * @param bytes the archive
 * @param m the member (from {@link zipMembers})
 * @param where prefix of error messages
 * @returns the member's data (a view of `bytes` when stored)
 * @throws FormatError for a bad local header, an unsupported method, corrupt deflate data, a size or CRC mismatch
 */
export function zipMemberData(bytes: Uint8Array, m: ZipMember, where: string): Uint8Array {
  const r = new Reader(bytes, where);
  r.need(m.localOffset, 30, `local header of '${m.name}'`);
  if (r.u32(m.localOffset) !== LOCAL) r.fail(`the local header of '${m.name}' at byte ${m.localOffset} has a bad signature`, m.localOffset);
  const nameLength = r.u16(m.localOffset + 26);
  r.need(m.localOffset + 30, nameLength, `local header of '${m.name}'`);
  if (m.flags & 0x20) r.fail(`member '${m.name}' holds compressed patch data (flag bit 5), which zipfile does not read either`, m.localOffset);
  if (m.flags & 0x40) r.fail(`member '${m.name}' is strongly encrypted (flag bit 6)`, m.localOffset);
  const localName = decodeName(bytes.subarray(m.localOffset + 30, m.localOffset + 30 + nameLength), (r.u16(m.localOffset + 6) & 0x800) !== 0, r, m.localOffset);
  if (localName !== m.storedName) r.fail(`member name '${m.storedName}' in the central directory and '${localName}' in its local header differ`, m.localOffset);
  if (m.flags & 1) r.fail(`member '${m.name}' is encrypted`, m.localOffset);
  const start = m.localOffset + 30 + nameLength + r.u16(m.localOffset + 28);
  r.need(start, m.compressedSize, `data of '${m.name}'`);
  if (m.endOffset > m.localOffset && start + m.compressedSize > m.endOffset) {
    r.fail(`member '${m.name}' overlaps the next entry at byte ${m.endOffset} (a possible zip bomb)`, start);
  }
  const raw = bytes.subarray(start, start + m.compressedSize);
  let data: Uint8Array;
  if (m.method === 0) {
    if (m.size !== m.compressedSize) r.fail(`stored member '${m.name}' has size ${m.size} but ${m.compressedSize} stored bytes`, start);
    data = raw;
  } else if (m.method === 8) {
    if (m.size > m.compressedSize * MAX_DEFLATE_RATIO + 1024) {
      r.fail(`member '${m.name}' claims ${m.size} bytes from ${m.compressedSize} deflated bytes, more than deflate can expand`, start);
    }
    // One spare byte: a stream longer than the declared size shows as a longer result.
    let out: Uint8Array;
    try {
      out = inflateSync(raw, { out: new Uint8Array(m.size + 1) });
    } catch (e) {
      return r.fail(`member '${m.name}' has corrupt deflate data (${e instanceof Error ? e.message : String(e)})`, start);
    }
    if (out.length !== m.size) r.fail(`member '${m.name}' inflates to ${out.length === m.size + 1 ? 'more than' : out.length} bytes, its header says ${m.size}`, start);
    data = out;
  } else {
    const known: Record<number, string> = { 12: 'bzip2', 14: 'LZMA', 9: 'deflate64', 93: 'zstd' };
    return r.fail(
      `member '${m.name}' uses compression method ${m.method}${known[m.method] ? ` (${known[m.method]})` : ''}; ndvec reads stored (0) and deflate (8) members, what np.savez and np.savez_compressed write`,
      m.localOffset,
    );
  }
  const crc = crc32(data);
  if (crc !== m.crc32) r.fail(`bad CRC-32 for member '${m.name}': computed ${crc.toString(16)}, the archive says ${m.crc32.toString(16)}`, start);
  return data;
}
