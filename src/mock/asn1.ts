/**
 * A minimal DER encoder (and a reader just big enough to pull a BIT STRING out of a
 * SubjectPublicKeyInfo): exactly what X.509 certificate generation needs, nothing more.
 * Every function returns the complete TLV (tag, length, value) as a Buffer.
 */

export type Der = Buffer;

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Any TLV; `tag` is the full identifier octet. */
export function tlv(tag: number, value: Buffer): Der {
  return Buffer.concat([Buffer.from([tag]), encodeLength(value.length), value]);
}

export function sequence(...items: Der[]): Der {
  return tlv(0x30, Buffer.concat(items));
}

export function set(...items: Der[]): Der {
  return tlv(0x31, Buffer.concat(items));
}

export function boolean(value: boolean): Der {
  return tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
}

/** A non-negative INTEGER from a number or from big-endian bytes (e.g. a random serial). */
export function integer(value: number | Buffer): Der {
  let bytes: Buffer;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`integer: ${value}`);
    const out: number[] = [];
    for (let n = value; n > 0; n = Math.floor(n / 256)) out.unshift(n & 0xff);
    bytes = Buffer.from(out.length ? out : [0]);
  } else {
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start++;
    bytes = value.subarray(start);
    if (bytes.length === 0) bytes = Buffer.from([0]);
  }
  // DER integers are two's complement: a leading 1 bit would make the number negative.
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

export function objectIdentifier(dotted: string): Der {
  const arcs = dotted.split('.').map((s) => Number(s));
  if (arcs.length < 2 || arcs.some((n) => !Number.isSafeInteger(n) || n < 0)) {
    throw new Error(`bad OID: ${dotted}`);
  }
  const out: number[] = [arcs[0]! * 40 + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

export function octetString(value: Buffer): Der {
  return tlv(0x04, value);
}

/** A BIT STRING whose content is whole bytes (signatures, public keys). */
export function bitString(value: Buffer, unusedBits = 0): Der {
  return tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), value]));
}

/**
 * A BIT STRING of named bits (keyUsage): bit 0 is the most significant bit of the first byte.
 * DER requires trailing zero bits to be dropped, which sets the "unused bits" count.
 */
export function namedBits(bits: number[]): Der {
  if (bits.length === 0) return bitString(Buffer.alloc(0));
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[Math.floor(bit / 8)]! |= 0x80 >> bit % 8;
  return bitString(bytes, 7 - (highest % 8));
}

export function utf8String(value: string): Der {
  return tlv(0x0c, Buffer.from(value, 'utf8'));
}

export function printableString(value: string): Der {
  return tlv(0x13, Buffer.from(value, 'latin1'));
}

export function nullValue(): Der {
  return Buffer.from([0x05, 0x00]);
}

/** [n] EXPLICIT: constructed context tag wrapping a complete TLV. */
export function explicit(tagNumber: number, inner: Der): Der {
  return tlv(0xa0 | tagNumber, inner);
}

/** [n] IMPLICIT on a primitive value: context tag replaces the universal one. */
export function implicitPrimitive(tagNumber: number, value: Buffer): Der {
  return tlv(0x80 | tagNumber, value);
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise, as RFC 5280 §4.1.2.5 requires. */
export function time(date: Date): Der {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const year = date.getUTCFullYear();
  const rest =
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    'Z';
  if (year >= 1950 && year < 2050) return tlv(0x17, Buffer.from(pad(year % 100) + rest, 'latin1'));
  return tlv(0x18, Buffer.from(pad(year, 4) + rest, 'latin1'));
}

/** One element read back: its tag, its value bytes, and where the next element starts. */
export interface ReadElement {
  tag: number;
  value: Buffer;
  end: number;
}

export function readElement(der: Buffer, offset = 0): ReadElement {
  const tag = der[offset];
  let lengthByte = der[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new Error('DER: truncated');
  let pos = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = der[pos++];
      if (lengthByte === undefined) throw new Error('DER: truncated length');
      length = length * 256 + lengthByte;
    }
  }
  if (pos + length > der.length) throw new Error('DER: value past the end');
  return { tag, value: der.subarray(pos, pos + length), end: pos + length };
}

/** The subjectPublicKey bytes of a SubjectPublicKeyInfo (the input of a key identifier). */
export function subjectPublicKeyBits(spki: Buffer): Buffer {
  const outer = readElement(spki);
  const algorithm = readElement(outer.value, 0);
  const key = readElement(outer.value, algorithm.end);
  if (key.tag !== 0x03) throw new Error('SPKI: expected a BIT STRING');
  return key.value.subarray(1); // drop the unused-bits octet
}
