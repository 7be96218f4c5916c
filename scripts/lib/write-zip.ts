// A minimal zip writer for making test fixtures (docx packages, broken and hostile zips).

import { crc32, deflateRawSync } from 'node:zlib';

/** One file to put in the zip. */
export interface ZipFile {
  readonly name: string;
  readonly data: Uint8Array | string;
  readonly store?: boolean; // no compression
  readonly declaredSize?: number; // lie about the uncompressed size (zip-bomb tests)
  readonly rawName?: Uint8Array; // the name's bytes as a Windows zip writes them (no UTF-8 flag)
  readonly flags?: number; // extra general-purpose flags (bit 0: encrypted)
  readonly crc?: number; // a wrong CRC-32 (damaged-entry tests)
  readonly extra?: Uint8Array; // an extra field, in the local and the central header
}

/** Writes a zip archive (no zip64, fixed timestamps so the output is reproducible). */
export function writeZip(files: readonly ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const data = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : Buffer.from(file.data);
    const packed = file.store ? data : deflateRawSync(data, { level: 9 });
    const name = file.rawName ? Buffer.from(file.rawName) : Buffer.from(file.name, 'utf8');
    const flags = (file.rawName ? 0 : 0x0800) | (file.flags ?? 0); // bit 11: UTF-8 names
    const size = file.declaredSize ?? data.length;
    const crc = file.crc ?? crc32(data);
    const extra = Buffer.from(file.extra ?? new Uint8Array(0));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(file.store ? 0 : 8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(file.store ? 0 : 8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, packed);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
