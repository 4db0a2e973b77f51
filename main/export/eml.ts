import { createHash } from 'node:crypto';

/**
 * A message draft as an `.eml` file (RFC 5322 with MIME, RFC 2045-2047): the text and one attachment,
 * CRLF line endings. `X-Unsent: 1` makes mail programs open it as a draft to send, not as a received mail.
 * There is no From (the mail program sends from the rostermeister's own account) and no To when the
 * recipient is not known: the rostermeister fills it in.
 */

export interface Draft {
  subject: string;
  body: string;
  /** ISO time written as the Date header. */
  date: Date;
  attachment: { fileName: string; mimeType: string; bytes: Buffer };
}

const CRLF = '\r\n';

/** Base64 in lines of 76 characters (RFC 2045 6.8). */
function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** A header line folded at spaces (RFC 5322 2.2.3) so its lines stay within 78 characters where the words allow. */
function header(name: string, value: string): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of value.split(' ')) {
    if (line.length + 1 + word.length > 78 && line.trim() !== `${name}:`) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** A header value as RFC 2047 encoded words when it is not plain ASCII, each word short enough for one line. */
function headerText(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  const words: string[] = [];
  let chunk = '';
  for (const char of clean) {
    // 45 bytes of UTF-8 encode to 60 base64 characters: with "=?UTF-8?B?" and "?=" a word stays under 76.
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(' ');
}

/** RFC 5322 date: `Wed, 02 Dec 2026 01:42:16 +0000`. */
function mailDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

export function draftEml(draft: Draft): Buffer {
  const text = Buffer.from(draft.body.replace(/\r\n|\r|\n/g, CRLF), 'utf8');
  // Base64 never holds a dash, so a boundary with dashes can never occur inside a part.
  const boundary = `----rostermeister-${createHash('sha256').update(text).update(draft.attachment.bytes).digest('hex').slice(0, 24)}`;
  const name = draft.attachment.fileName.replace(/["\\\r\n]/g, '_');
  const lines = [
    'X-Unsent: 1',
    `Date: ${mailDate(draft.date)}`,
    header('Subject', headerText(draft.subject)),
    'MIME-Version: 1.0',
    header('Content-Type', `multipart/mixed; boundary="${boundary}"`),
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(text),
    `--${boundary}`,
    header('Content-Type', `${draft.attachment.mimeType}; name="${name}"`),
    header('Content-Disposition', `attachment; filename="${name}"`),
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(draft.attachment.bytes),
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join(CRLF), 'ascii');
}

/** A `mailto:` link (RFC 6068) with subject and body; the recipient is left for the mail program. */
export function mailtoLink(subject: string, body: string): string {
  const enc = (text: string) => encodeURIComponent(text.replace(/\r\n|\r|\n/g, '\r\n'));
  return `mailto:?subject=${enc(subject)}&body=${enc(body)}`;
}
