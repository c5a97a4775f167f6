/**
 * Writes a dataset file (DESIGN §3) while records arrive in any module order: each module's records
 * go to a temporary file (one JSON record per line), then the parts are joined into one valid JSON
 * object — `{ "users": [ … ], "Accounts": [ … ], … }` with one record per line, which
 * `dataset/load.ts` streams back. Memory stays bounded by the write buffers.
 */
import fs from 'node:fs';
import path from 'node:path';

const FLUSH_BYTES = 1 << 20;

interface Part {
  file: string;
  fd: number;
  chunks: string[];
  pending: number;
  count: number;
}

export class DatasetWriter {
  private parts = new Map<string, Part>();
  private users: unknown[] = [];

  constructor(
    private readonly outFile: string,
    private readonly moduleOrder: readonly string[],
  ) {
    fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  }

  setUsers(users: unknown[]): void {
    this.users = users;
  }

  add(module: string, record: unknown): void {
    let part = this.parts.get(module);
    if (!part) {
      const file = `${this.outFile}.${module}.part`;
      part = { file, fd: fs.openSync(file, 'w'), chunks: [], pending: 0, count: 0 };
      this.parts.set(module, part);
    }
    const line = `${JSON.stringify(record)},\n`;
    part.chunks.push(line);
    part.pending += line.length;
    part.count += 1;
    if (part.pending >= FLUSH_BYTES) this.flush(part);
  }

  private flush(part: Part): void {
    if (part.chunks.length === 0) return;
    fs.writeSync(part.fd, part.chunks.join(''));
    part.chunks = [];
    part.pending = 0;
  }

  /** Join the parts into the output file; returns records written per module. */
  close(): Record<string, number> {
    const out = fs.openSync(this.outFile, 'w');
    const modules = [
      ...this.moduleOrder.filter((m) => this.parts.has(m)),
      ...[...this.parts.keys()].filter((m) => !this.moduleOrder.includes(m)),
    ];
    fs.writeSync(out, '{\n');
    const userLines = this.users.map((u) => JSON.stringify(u)).join(',\n');
    fs.writeSync(out, `"users": [\n${userLines}${userLines ? '\n' : ''}]`);
    const buffer = Buffer.alloc(FLUSH_BYTES);
    for (const module of modules) {
      const part = this.parts.get(module) as Part;
      this.flush(part);
      fs.closeSync(part.fd);
      fs.writeSync(out, `,\n${JSON.stringify(module)}: [\n`);
      const size = fs.statSync(part.file).size;
      const fd = fs.openSync(part.file, 'r');
      let position = 0;
      const end = Math.max(0, size - 2); // drop the last ",\n"
      while (position < end) {
        const n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, end - position), position);
        fs.writeSync(out, buffer, 0, n);
        position += n;
      }
      fs.closeSync(fd);
      fs.rmSync(part.file, { force: true });
      fs.writeSync(out, '\n]');
    }
    fs.writeSync(out, '\n}\n');
    fs.closeSync(out);
    return Object.fromEntries([...this.parts.entries()].map(([m, p]) => [m, p.count]));
  }
}
