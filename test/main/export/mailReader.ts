import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Reads an .eml with Python's email package (policy.default: the modern, strict parser). */

export interface ReadMail {
  subject: string;
  unsent: string | null;
  date: string | null;
  contentType: string;
  text: string;
  attachments: { filename: string | null; contentType: string; text: string }[];
  /** Problems the parser found in the message or any part; a good message has none. */
  defects: string[];
}

const PYTHON = process.env.ROSTERMEISTER_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

const READER = `
import json, sys
from email import message_from_bytes, policy
msg = message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
defects = [str(d) for part in msg.walk() for d in part.defects]
print(json.dumps({
    'subject': str(msg['subject']),
    'unsent': msg['X-Unsent'],
    'date': msg['date'],
    'contentType': msg.get_content_type(),
    'text': msg.get_body(preferencelist=('plain',)).get_content(),
    'attachments': [
        {'filename': p.get_filename(), 'contentType': p.get_content_type(), 'text': p.get_payload(decode=True).decode('utf-8')}
        for p in msg.iter_attachments()
    ],
    'defects': defects,
}))
`;

export function readMail(bytes: Buffer): ReadMail {
  return JSON.parse(execFileSync(PYTHON, ['-c', READER], { input: bytes, encoding: 'utf8' })) as ReadMail;
}
