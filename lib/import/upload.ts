// Reading the CSV upload as it streams in: each file is counted byte by byte and the reading stops as
// soon as one passes its limit, so no more than the limits ever sits in memory, whatever was sent.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import Busboy from 'busboy';
import { IMPORT_FILE_FIELDS, MAX_IMPORT_FILE_BYTES } from '../validation/import.ts';
import type { ImportFileKind } from './types.ts';

/** Both files at their limit, plus the multipart framing around them. */
export const MAX_IMPORT_UPLOAD_BYTES = 2 * MAX_IMPORT_FILE_BYTES + 64 * 1024;

export type UploadReading =
  | { status: 'read'; texts: Record<ImportFileKind, string> }
  /** A file (by its form field) passed the limit; reading stopped there. */
  | { status: 'too-large'; field: string }
  /** Not a multipart form, or a file is not UTF-8 text (or holds NUL, which no CSV cell may). */
  | { status: 'invalid'; field: string; key: 'unreadable' | 'chooseFile' };

const KIND_OF = new Map<string, ImportFileKind>(Object.entries(IMPORT_FILE_FIELDS).map(([kind, field]) => [field, kind as ImportFileKind]));

function decode(bytes: Buffer): string | null {
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return decoded.includes('\u0000') ? null : decoded;
  } catch {
    return null;
  }
}

export function readImportUpload(request: Request): Promise<UploadReading> {
  return new Promise((resolve) => {
    let busboy: Busboy.Busboy;
    try {
      busboy = Busboy({
        headers: { 'content-type': request.headers.get('content-type') ?? '' },
        limits: { files: 2, fileSize: MAX_IMPORT_FILE_BYTES, fields: 10, fieldSize: 1024, parts: 12 },
      });
    } catch {
      resolve({ status: 'invalid', field: IMPORT_FILE_FIELDS.agreements, key: 'unreadable' });
      return;
    }
    const body = request.body ? Readable.fromWeb(request.body as WebReadableStream<Uint8Array>) : Readable.from([]);
    const files = new Map<ImportFileKind, Buffer[]>();
    let settled = false;
    const finish = (reading: UploadReading) => {
      if (settled) return;
      settled = true;
      body.unpipe(busboy);
      body.destroy();
      resolve(reading);
    };
    busboy.on('file', (field, stream) => {
      const kind = KIND_OF.get(field);
      if (!kind) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      files.set(kind, chunks);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => finish({ status: 'too-large', field }));
    });
    busboy.on('close', () => {
      const texts = { agreements: '', milestones: '' };
      for (const [kind, chunks] of files) {
        const decoded = decode(Buffer.concat(chunks));
        if (decoded === null) return finish({ status: 'invalid', field: IMPORT_FILE_FIELDS[kind], key: 'unreadable' });
        texts[kind] = decoded;
      }
      if (!texts.agreements.trim() && !texts.milestones.trim()) {
        return finish({ status: 'invalid', field: IMPORT_FILE_FIELDS.agreements, key: 'chooseFile' });
      }
      finish({ status: 'read', texts });
    });
    busboy.on('error', () => finish({ status: 'invalid', field: IMPORT_FILE_FIELDS.agreements, key: 'unreadable' }));
    body.on('error', () => finish({ status: 'invalid', field: IMPORT_FILE_FIELDS.agreements, key: 'unreadable' }));
    body.pipe(busboy);
  });
}
