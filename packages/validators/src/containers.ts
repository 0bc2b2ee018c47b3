// The structure of a file whose first bytes claim a container type: a PDF ends with `startxref`
// and `%%EOF`; a zip has an end-of-central-directory record pointing at a central directory inside
// the file; an OOXML document (docx, xlsx) is a zip whose central directory names
// `[Content_Types].xml` and its main part; an OLE compound file (doc, xls, msg) has a valid header.
// Nothing is inflated: only headers and directory entries are read, at most a few hundred KiB.
import type { Issue, Result } from './issues.js';
import type { EvidenceExtension } from './limits.js';
import { issue } from './messages/format.js';

/** Random access to a file's bytes (a whole buffer, or a file on disk read by offset). */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Uint8Array;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** Why a container is refused (the `reason` param of `evidence.content_mismatch`). */
export type ContainerFault =
  | 'pdf_no_trailer'
  | 'zip_no_central_directory'
  | 'zip_bad_central_directory'
  | 'ooxml_no_content_types'
  | 'ooxml_no_main_part'
  | 'ole_bad_header';

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function lastIndexOf(haystack: Uint8Array, needle: readonly number[]): number {
  for (let i = haystack.length - needle.length; i >= 0; i--) {
    let hit = true;
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) {
        hit = false;
        break;
      }
    }
    if (hit) return i;
  }
  return -1;
}

/**
 * A PDF ends with `%%EOF` (readers look in the last KiB) after a cross-reference section: a
 * `trailer` dictionary (classic xref table) or `startxref` (also the only marker of an xref stream).
 */
function pdfFault(src: ByteSource): ContainerFault | undefined {
  const tailStart = Math.max(0, src.size - 1024);
  const tail = src.read(tailStart, src.size - tailStart);
  const eof = lastIndexOf(tail, ascii('%%EOF'));
  if (eof < 0) return 'pdf_no_trailer';
  const before = src.read(0, tailStart + eof);
  return lastIndexOf(before, ascii('startxref')) >= 0 || lastIndexOf(before, ascii('trailer')) >= 0
    ? undefined
    : 'pdf_no_trailer';
}

const EOCD = [0x50, 0x4b, 0x05, 0x06];
/** The EOCD record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
const MAX_ENTRIES_READ = 10_000;

/** The names in a zip's central directory, or why there is none. */
export function zipEntryNames(src: ByteSource): { ok: true; names: string[] } | { ok: false; fault: ContainerFault } {
  const searchFrom = Math.max(0, src.size - EOCD_SEARCH);
  const tail = src.read(searchFrom, src.size - searchFrom);
  const at = lastIndexOf(tail, EOCD);
  if (at < 0 || at + 22 > tail.length) return { ok: false, fault: 'zip_no_central_directory' };
  const entries = u16(tail, at + 10);
  const cdSize = u32(tail, at + 12);
  const cdOffset = u32(tail, at + 16);
  const eocdOffset = searchFrom + at;
  // ZIP64 archives mark these fields 0xFFFF / 0xFFFFFFFF; evidence is at most 5 MiB, so none is ZIP64.
  if (cdOffset + cdSize > eocdOffset || entries === 0xffff) return { ok: false, fault: 'zip_bad_central_directory' };
  const cd = src.read(cdOffset, cdSize);
  if (cd.length !== cdSize) return { ok: false, fault: 'zip_bad_central_directory' };
  const names: string[] = [];
  let p = 0;
  for (let i = 0; i < Math.min(entries, MAX_ENTRIES_READ); i++) {
    if (p + 46 > cd.length || u32(cd, p) !== 0x02014b50) return { ok: false, fault: 'zip_bad_central_directory' };
    const nameLength = u16(cd, p + 28);
    const extraLength = u16(cd, p + 30);
    const commentLength = u16(cd, p + 32);
    const localOffset = u32(cd, p + 42);
    if (localOffset >= cdOffset || p + 46 + nameLength > cd.length)
      return { ok: false, fault: 'zip_bad_central_directory' };
    names.push(new TextDecoder().decode(cd.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, names };
}

const OOXML_MAIN_PART: Partial<Record<EvidenceExtension, RegExp>> = {
  docx: /^word\/document[^/]*\.xml$/,
  xlsx: /^xl\/workbook[^/]*\.xml$/,
};

/** An OLE compound file header: byte order FFFE, sector shift 9 or 12, mini sector shift 6. */
function oleFault(src: ByteSource): ContainerFault | undefined {
  const h = src.read(0, 512);
  if (h.length < 512) return 'ole_bad_header';
  const byteOrder = u16(h, 28);
  const sectorShift = u16(h, 30);
  const miniShift = u16(h, 32);
  return byteOrder === 0xfffe && (sectorShift === 9 || sectorShift === 12) && miniShift === 6
    ? undefined
    : 'ole_bad_header';
}

/**
 * The structure of a file whose content already matched its extension by its first bytes
 * (`validateEvidenceFile`): the fault found, if any. Types without a container (images, text,
 * rar) have nothing more to check here. Never throws.
 */
export function containerFault(extension: string, detected: string, src: ByteSource): ContainerFault | undefined {
  try {
    if (detected === 'pdf') return pdfFault(src);
    if (detected === 'ole') return oleFault(src);
    if (detected !== 'zip') return undefined;
    const zip = zipEntryNames(src);
    if (!zip.ok) return zip.fault;
    const main = OOXML_MAIN_PART[extension as EvidenceExtension];
    // An .xlsx saved as .xls is accepted as a zip (EXTENSION_CONTENT): it must be a workbook too.
    const mainPart = main ?? (extension === 'xls' ? OOXML_MAIN_PART.xlsx : undefined);
    if (!mainPart) return undefined;
    if (!zip.names.includes('[Content_Types].xml')) return 'ooxml_no_content_types';
    return zip.names.some((n) => mainPart.test(n)) ? undefined : 'ooxml_no_main_part';
  } catch {
    return extension === 'pdf' ? 'pdf_no_trailer' : 'zip_bad_central_directory';
  }
}

/** `containerFault` as an issue list for one file (empty when the structure holds). */
export function containerIssues(
  file: string,
  extension: string,
  detected: string,
  src: ByteSource,
  path: Issue['path'] = [],
): Result<null> {
  const fault = containerFault(extension, detected, src);
  return fault
    ? { ok: false, issues: [issue('evidence.content_mismatch', path, { file, detected, reason: fault })] }
    : { ok: true, value: null };
}
