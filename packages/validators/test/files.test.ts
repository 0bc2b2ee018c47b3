import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  EXTENSION_CONTENT,
  extensionOf,
  isLinkHeader,
  LIMITS,
  LINK_COLUMN_HEADERS,
  neutralizeCell,
  safeDisplayName,
  sniffFileType,
  SNIFF_BYTES,
  validateEvidenceFile,
  validateSheetFile,
} from '@ipr/validators';
import { codes, HEADS, issuesOf, okValue } from './fixtures.js';

const MiB5 = 5 * 1024 * 1024;

describe('sniffFileType', () => {
  const cases: [keyof typeof HEADS, string][] = [
    ['png', 'png'],
    ['jpg', 'jpg'],
    ['gif', 'gif'],
    ['pdf', 'pdf'],
    ['zip', 'zip'],
    ['emptyZip', 'zip'],
    ['ole', 'ole'],
    ['rar', 'rar'],
    ['exe', 'executable'],
    ['elf', 'executable'],
    ['script', 'executable'],
    ['text', 'text'],
    ['chineseText', 'text'],
    ['binary', 'unknown'],
    ['noisy', 'unknown'],
    ['gbkCsv', 'text'],
    ['latin1Text', 'text'],
    ['utf8BomCsv', 'text'],
  ];
  for (const [head, detected] of cases)
    test(`${head} → ${detected}`, () => assert.equal(sniffFileType(HEADS[head]), detected));

  test('GIF87a, Mach-O and UTF-16 text', () => {
    assert.equal(sniffFileType(new TextEncoder().encode('GIF87a..')), 'gif');
    assert.equal(sniffFileType(Uint8Array.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])), 'executable');
    assert.equal(sniffFileType(Uint8Array.from([0xff, 0xfe, 0x41, 0x00])), 'text');
  });

  test('a PDF header after some junk within the first KiB still counts', () => {
    const head = new Uint8Array(SNIFF_BYTES);
    head.fill(0x20);
    head.set(HEADS.pdf, 500);
    assert.equal(sniffFileType(head), 'pdf');
  });

  test('a UTF-8 character cut at the end of the window is still text', () => {
    const full = new TextEncoder().encode('证据说明'); // 3 bytes per character
    assert.equal(sniffFileType(full.subarray(0, full.length - 1)), 'text');
  });

  test('empty or not bytes', () => {
    assert.equal(sniffFileType(new Uint8Array(0)), 'empty');
    assert.equal(sniffFileType('PNG' as unknown as Uint8Array), 'empty');
    assert.equal(sniffFileType(Buffer.from('hello')), 'text');
  });
});

describe('validateEvidenceFile', () => {
  test(`${MiB5} bytes are allowed, ${MiB5 + 1} refused with evidence.too_large`, () => {
    assert.equal(LIMITS.maxEvidenceBytes, 5_242_880);
    okValue(validateEvidenceFile({ name: 'scan.pdf', size: 5_242_880, head: HEADS.pdf }));
    const issues = issuesOf(
      validateEvidenceFile({ name: 'scan.pdf', size: 5_242_881, head: HEADS.pdf }, ['evidence', 2]),
    );
    assert.deepEqual(codes(issues), ['evidence.too_large']);
    assert.deepEqual(issues[0]!.params, { file: 'scan.pdf', limit: 5_242_880, size: 5_242_881 });
    assert.deepEqual(issues[0]!.path, ['evidence', 2]);
    assert.equal(issues[0]!.message, '"scan.pdf" is larger than 5 MB.');
  });

  test('0 bytes: evidence.empty (the content is not judged)', () => {
    const issues = issuesOf(validateEvidenceFile({ name: 'scan.pdf', size: 0, head: new Uint8Array(0) }));
    assert.deepEqual(codes(issues), ['evidence.empty']);
    assert.deepEqual(issues[0]!.params, { file: 'scan.pdf' });
  });

  test('a size that is not a number', () => {
    for (const size of [-1, Number.NaN, Number.POSITIVE_INFINITY, '10' as unknown as number]) {
      const issues = issuesOf(validateEvidenceFile({ name: 'a.pdf', size }));
      assert.deepEqual(
        issues.map((i) => [i.code, i.path.join('.')]),
        [['field.invalid_type', 'size']],
        String(size),
      );
    }
  });

  test('every allowed extension, upper-case too, with matching content', () => {
    const heads: Record<string, Uint8Array> = {
      doc: HEADS.ole,
      docx: HEADS.zip,
      xls: HEADS.ole,
      xlsx: HEADS.zip,
      pdf: HEADS.pdf,
      txt: HEADS.text,
      msg: HEADS.ole,
      jpg: HEADS.jpg,
      jpeg: HEADS.jpg,
      gif: HEADS.gif,
      png: HEADS.png,
      zip: HEADS.zip,
      rar: HEADS.rar,
    };
    assert.deepEqual(Object.keys(heads).sort(), [...LIMITS.evidenceExtensions].sort());
    for (const [ext, head] of Object.entries(heads)) {
      for (const name of [`evidence.${ext}`, `EVIDENCE.${ext.toUpperCase()}`]) {
        const value = okValue(validateEvidenceFile({ name, size: 1000, head }));
        assert.equal(value.extension, ext, name);
        assert.equal(value.name, name);
        assert.equal(value.detected, sniffFileType(head));
      }
      // Without bytes only the name is judged.
      assert.equal(okValue(validateEvidenceFile({ name: `x.${ext}`, size: 10 })).detected, undefined);
    }
  });

  test('text in a legacy encoding (GBK, Windows-1252) is text', () => {
    assert.equal(okValue(validateEvidenceFile({ name: '说明.txt', size: 200, head: HEADS.gbkCsv })).detected, 'text');
    assert.equal(okValue(validateEvidenceFile({ name: 'notes.TXT', size: 200, head: HEADS.latin1Text })).kind, 'text');
    assert.deepEqual(issuesOf(validateEvidenceFile({ name: 'notes.txt', size: 512, head: HEADS.noisy }))[0]!.params, {
      file: 'notes.txt',
      detected: 'unknown',
    });
  });

  test('PHOTO.JPG is an image', () => {
    assert.deepEqual(
      okValue(validateEvidenceFile({ name: 'PHOTO.JPG', size: 2048, type: 'image/jpeg', head: HEADS.jpg })),
      { name: 'PHOTO.JPG', extension: 'jpg', kind: 'image', detected: 'jpg' },
    );
  });

  test('kinds', () => {
    const kinds = Object.fromEntries(
      LIMITS.evidenceExtensions.map((e) => [e, okValue(validateEvidenceFile({ name: `a.${e}`, size: 1 })).kind]),
    );
    assert.deepEqual(kinds, {
      doc: 'document',
      docx: 'document',
      xls: 'spreadsheet',
      xlsx: 'spreadsheet',
      pdf: 'document',
      txt: 'text',
      msg: 'email',
      jpg: 'image',
      jpeg: 'image',
      gif: 'image',
      png: 'image',
      zip: 'archive',
      rar: 'archive',
    });
  });

  test('an .xlsx saved as .xls is accepted', () => {
    okValue(validateEvidenceFile({ name: 'list.xls', size: 10, head: HEADS.zip }));
  });

  for (const name of [
    'setup.exe',
    'logo.svg',
    'README',
    'archive.7z',
    'page.html',
    'photo.jpg.exe',
    'photo.',
    'csv.csv',
    '.pdf',
  ]) {
    test(`disallowed type: ${name}`, () => {
      const issues = issuesOf(validateEvidenceFile({ name, size: 100 }));
      assert.deepEqual(codes(issues), ['evidence.type_not_allowed']);
      assert.equal(issues[0]!.params!.allowed, LIMITS.evidenceExtensions.join(', '));
    });
  }

  test('the declared media type is never trusted', () => {
    assert.deepEqual(
      codes(issuesOf(validateEvidenceFile({ name: 'a.exe', size: 10, type: 'application/pdf', head: HEADS.pdf }))),
      ['evidence.type_not_allowed'],
    );
    assert.deepEqual(
      codes(issuesOf(validateEvidenceFile({ name: 'a.pdf', size: 10, type: 'application/pdf', head: HEADS.exe }))),
      ['evidence.content_mismatch'],
    );
  });

  const mismatches: [string, keyof typeof HEADS, string][] = [
    ['screenshot.pdf', 'png', 'png'],
    ['invoice.pdf', 'exe', 'executable'],
    ['photo.png', 'jpg', 'jpg'],
    ['photo.jpg', 'gif', 'gif'],
    ['contract.docx', 'ole', 'ole'],
    ['contract.doc', 'zip', 'zip'],
    ['mail.msg', 'zip', 'zip'],
    ['notes.txt', 'binary', 'unknown'],
    ['notes.txt', 'elf', 'executable'],
    ['notes.txt', 'script', 'executable'],
    ['bundle.zip', 'rar', 'rar'],
    ['bundle.rar', 'zip', 'zip'],
    ['photo.jpeg', 'text', 'text'],
  ];
  for (const [name, head, detected] of mismatches) {
    test(`${head} bytes named ${name}: evidence.content_mismatch (${detected})`, () => {
      const issues = issuesOf(validateEvidenceFile({ name, size: 4096, head: HEADS[head] }));
      assert.deepEqual(codes(issues), ['evidence.content_mismatch']);
      assert.deepEqual(issues[0]!.params, { file: name, detected });
    });
  }

  test('an empty head for a non-empty file is a mismatch', () => {
    assert.deepEqual(issuesOf(validateEvidenceFile({ name: 'a.pdf', size: 5, head: new Uint8Array(0) }))[0]!.params, {
      file: 'a.pdf',
      detected: 'empty',
    });
  });

  test('an RTL override cannot hide an .exe (invoice\\u202Efdp.exe)', () => {
    const issues = issuesOf(validateEvidenceFile({ name: 'invoice\u202Efdp.exe', size: 4096, head: HEADS.exe }));
    assert.deepEqual(codes(issues), ['evidence.type_not_allowed']);
    assert.equal(issues[0]!.params!.file, 'invoicefdp.exe');
    assert.equal(extensionOf('invoice\u202Efdp.exe'), 'exe');
    assert.equal(extensionOf('photo\u202Egnp.pdf'), 'pdf');
  });

  test('folder parts are dropped from names', () => {
    for (const [name, shown] of [
      ['../../etc/passwd.pdf', 'passwd.pdf'],
      ['..\\..\\Windows\\evil.pdf', 'evil.pdf'],
      ['/tmp/a.pdf', 'a.pdf'],
      ['C:\\Users\\me\\scan.PDF', 'scan.PDF'],
    ]) {
      assert.equal(okValue(validateEvidenceFile({ name: name!, size: 10, head: HEADS.pdf })).name, shown);
    }
    // Nothing left but dots and slashes: no usable extension.
    for (const name of ['../', '..', '...pdf']) {
      const issues = issuesOf(validateEvidenceFile({ name, size: 10 }));
      assert.ok(codes(issues).includes('evidence.type_not_allowed'), name);
      assert.ok(!String(issues[0]!.params!.file).includes('/'));
    }
  });

  test('NUL bytes in a name: evidence.name_invalid (and the hidden .exe is seen)', () => {
    const issues = issuesOf(validateEvidenceFile({ name: 'photo.jpg\u0000.exe', size: 10, head: HEADS.exe }));
    assert.deepEqual(codes(issues), ['evidence.name_invalid', 'evidence.type_not_allowed']);
    assert.equal(issues[0]!.params!.file, 'photo.jpg.exe');
    assert.deepEqual(codes(issuesOf(validateEvidenceFile({ name: 'scan\u0000.pdf', size: 10 }))), [
      'evidence.name_invalid',
    ]);
  });

  test('names that are not names', () => {
    for (const name of [
      '',
      '   ',
      'x'.repeat(1025) + '.pdf',
      42 as unknown as string,
      undefined as unknown as string,
    ]) {
      assert.ok(
        codes(issuesOf(validateEvidenceFile({ name, size: 10 }))).includes('evidence.name_invalid'),
        String(name).slice(0, 20),
      );
    }
  });

  test('a 300-character name is shortened to 255 keeping its extension', () => {
    const name = 'a'.repeat(296) + '.pdf';
    const value = okValue(validateEvidenceFile({ name, size: 10, head: HEADS.pdf }));
    assert.equal(value.name.length, LIMITS.maxFileNameLength);
    assert.ok(value.name.endsWith('.pdf'));
    assert.equal(value.name, safeDisplayName(name));
  });
});

describe('safeDisplayName', () => {
  const cases: [unknown, string][] = [
    ['report.pdf', 'report.pdf'],
    ['  two   spaces\tand tab.pdf ', 'two spaces and tab.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a\u200b\u2066b\u2069\ufeff.png', 'ab.png'],
    ['line\r\nbreak.txt', 'line break.txt'],
    ['../../../etc/shadow', 'shadow'],
    ['dir\\sub\\x.doc', 'x.doc'],
    ['.htaccess', 'htaccess'],
    ['', 'file'],
    ['../', 'file'],
    [null, 'file'],
    [42, 'file'],
  ];
  for (const [input, expected] of cases)
    test(JSON.stringify(input), () => assert.equal(safeDisplayName(input), expected));

  test('long names without an extension are cut at 255', () => {
    assert.equal(safeDisplayName('b'.repeat(300)).length, 255);
    assert.equal(safeDisplayName('c'.repeat(300) + '.averyverylongextension').length, 255);
  });

  test('a cut name keeps whole characters and ends on no space (found by the property test)', () => {
    // 300 characters outside the BMP (two UTF-16 units each): 255 units would end on half of one.
    const astral = safeDisplayName('𐀀'.repeat(300) + '.pdf');
    assert.equal(astral, '𐀀'.repeat(125) + '.pdf');
    // A space where the cut falls is not kept: the name is what safeDisplayName makes of it again.
    const spaced = safeDisplayName('a'.repeat(254) + ' bcdefghijklmnop');
    assert.equal(spaced, 'a'.repeat(254));
    assert.equal(safeDisplayName(spaced), spaced);
  });
});

describe('validateSheetFile', () => {
  test('xlsx, xls and csv', () => {
    assert.deepEqual(okValue(validateSheetFile({ name: 'links.xlsx', size: 9000, head: HEADS.zip })), {
      name: 'links.xlsx',
      format: 'xlsx',
    });
    assert.deepEqual(okValue(validateSheetFile({ name: 'LINKS.XLS', size: 9000, head: HEADS.ole })), {
      name: 'LINKS.XLS',
      format: 'xls',
    });
    assert.deepEqual(okValue(validateSheetFile({ name: 'links.csv', size: 9000, head: HEADS.text })), {
      name: 'links.csv',
      format: 'csv',
    });
    assert.deepEqual(okValue(validateSheetFile({ name: 'links.xlsx', size: 9000 })), {
      name: 'links.xlsx',
      format: 'xlsx',
    });
  });

  test('exactly 5 MiB is allowed, one byte more is sheet.too_large', () => {
    assert.equal(LIMITS.maxSheetBytes, MiB5);
    okValue(validateSheetFile({ name: 'links.xlsx', size: MiB5, head: HEADS.zip }));
    const issues = issuesOf(validateSheetFile({ name: 'links.xlsx', size: MiB5 + 1, head: HEADS.zip }));
    assert.deepEqual(codes(issues), ['sheet.too_large']);
    assert.deepEqual(issues[0]!.params, { file: 'links.xlsx', limit: MiB5, size: MiB5 + 1 });
    assert.equal(issues[0]!.message, '"links.xlsx" is larger than 5 MB.');
  });

  test('wrong type: sheet.type_not_allowed', () => {
    for (const name of ['links.pdf', 'links.docx', 'links.numbers', 'links', 'links.xlsx.exe']) {
      const issues = issuesOf(validateSheetFile({ name, size: 100 }));
      assert.deepEqual(codes(issues), ['sheet.type_not_allowed'], name);
    }
  });

  test('empty: sheet.empty', () =>
    assert.deepEqual(codes(issuesOf(validateSheetFile({ name: 'a.xlsx', size: 0 }))), ['sheet.empty']));

  test('a size that is not a number is refused', () => {
    for (const size of [Number.NaN, -1, Number.POSITIVE_INFINITY, undefined as unknown as number]) {
      assert.deepEqual(
        issuesOf(validateSheetFile({ name: 'a.xlsx', size })).map((i) => [i.code, i.path.join('.')]),
        [['field.invalid_type', 'size']],
        String(size),
      );
    }
  });

  test('CSV as Excel saves it: UTF-8 with BOM, or GBK on Chinese Windows', () => {
    assert.equal(okValue(validateSheetFile({ name: 'links.csv', size: 100, head: HEADS.utf8BomCsv })).format, 'csv');
    assert.equal(okValue(validateSheetFile({ name: 'links.csv', size: 100, head: HEADS.gbkCsv })).format, 'csv');
  });

  test('PDF bytes named .xlsx: sheet.corrupt', () => {
    const issues = issuesOf(validateSheetFile({ name: 'links.xlsx', size: 9000, head: HEADS.pdf }));
    assert.deepEqual(codes(issues), ['sheet.corrupt']);
    assert.deepEqual(issues[0]!.params, { file: 'links.xlsx', detected: 'pdf' });
    assert.deepEqual(codes(issuesOf(validateSheetFile({ name: 'links.csv', size: 9000, head: HEADS.zip }))), [
      'sheet.corrupt',
    ]);
    assert.deepEqual(codes(issuesOf(validateSheetFile({ name: 'links.xls', size: 9000, head: HEADS.exe }))), [
      'sheet.corrupt',
    ]);
  });

  test('what each extension may contain', () => {
    assert.deepEqual(EXTENSION_CONTENT.xlsx, ['zip']);
    assert.deepEqual([...EXTENSION_CONTENT.xls].sort(), ['ole', 'zip']);
    assert.deepEqual(EXTENSION_CONTENT.csv, ['text']);
  });
});

describe('neutralizeCell', () => {
  for (const text of ['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '=']) {
    test(`formula start ${JSON.stringify(text[0])} gets an apostrophe`, () =>
      assert.equal(neutralizeCell(text), `'${text}`));
  }
  test('plain text, numbers, booleans and nothing stay as they are', () => {
    assert.equal(neutralizeCell('https://market.example/product/a'), 'https://market.example/product/a');
    assert.equal(neutralizeCell(' =x'), ' =x');
    assert.equal(neutralizeCell(''), '');
    assert.equal(neutralizeCell(-5), -5);
    assert.equal(neutralizeCell(true), true);
    assert.equal(neutralizeCell(null), null);
    assert.equal(neutralizeCell(undefined), null);
  });
  test('never throws: an object with no prototype or a throwing toString gives inert text', () => {
    assert.equal(neutralizeCell(Object.create(null)), '[object Object]');
    assert.equal(
      neutralizeCell({
        toString() {
          throw new Error('no');
        },
      }),
      '[object Object]',
    );
    assert.equal(neutralizeCell({ toString: () => '=cmd()' }), "'=cmd()");
  });
});

describe('isLinkHeader', () => {
  test('English and Chinese headers, case and spacing aside', () => {
    for (const h of [
      'Product link',
      'PRODUCT LINK',
      'product_link',
      ' Product  Link* ',
      'Product URL',
      'URL',
      'link',
      'Infringing product link',
      '产品链接',
      '商品链接',
      '链接',
      '侵权链接',
      '侵权产品链接',
      '网址',
      '产品链接：',
      '*产品链接',
    ]) {
      assert.equal(isLinkHeader(h), true, h);
    }
    for (const h of LINK_COLUMN_HEADERS) assert.equal(isLinkHeader(h), true, h);
  });
  test('other headers and non-text cells', () => {
    for (const h of ['Product name', 'Description', '产品名称', '', 'links and notes', 42, null, undefined, ['link']]) {
      assert.equal(isLinkHeader(h), false, String(h));
    }
  });
});
