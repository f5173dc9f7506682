// A ZIP archive with stored (uncompressed) members, for tests that need an Office file's
// container (.docx, .xlsx) without a zip library.
import * as zlib from 'node:zlib';

/**
 * The fields a member's local header (from offset 4) and its central directory entry (from
 * offset 6) share, in the same order: version needed, flags, method, time, date (0), CRC-32,
 * compressed and uncompressed size (equal: stored), name length.
 */
function memberFields(b: Buffer, at: number, crc: number, size: number, nameLength: number): void {
  b.writeUInt16LE(20, at);
  b.writeUInt32LE(crc, at + 10);
  b.writeUInt32LE(size, at + 14);
  b.writeUInt32LE(size, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
}

export function storedZip(members: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(members)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    memberFields(local, 4, crc, data.length, fileName.length);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // version made by
    memberFields(dir, 6, crc, data.length, fileName.length);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    central.push(dir, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}
