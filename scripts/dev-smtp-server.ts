import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { config } from '../lib/config';

/**
 * A real SMTP server for development and tests that keeps every message it receives (in memory, and
 * as .eml files when given a maildir). Run as a script it listens on 127.0.0.1:SMTP_PORT (1025) and lists the
 * messages as JSON on http://127.0.0.1:1080/messages. Loopback only, no TLS, no authentication.
 */

export interface ReceivedEmail {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  subject: string;
  /** The text/plain body (the first one of a multipart message). */
  text: string;
  html?: string;
  /** Header names lower-cased; repeated headers keep the first value. */
  headers: Record<string, string>;
  raw: string;
  receivedAt: string;
}

export interface DevSmtpServer {
  port: number;
  /** Every message received so far, oldest first. */
  messages(): ReceivedEmail[];
  /** Resolves with the first message (received or still to come) matching the predicate; rejects after the timeout. */
  waitFor(predicate: (m: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>;
  stop(): Promise<void>;
}

/** Starts the SMTP server; port 0 picks a free one (see `port` of the answer). */
export async function startDevSmtpServer(opts: { port: number; host?: string; maildir?: string }): Promise<DevSmtpServer> {
  const host = opts.host ?? '127.0.0.1';
  const received: ReceivedEmail[] = [];
  const waiters = new Set<{ predicate: (m: ReceivedEmail) => boolean; resolve: (m: ReceivedEmail) => void }>();
  if (opts.maildir) await mkdir(opts.maildir, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    banner: 'checkout dev SMTP server',
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mailFrom = session.envelope.mailFrom;
        const message: ReceivedEmail = {
          ...parseMessage(raw),
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          receivedAt: new Date().toISOString(),
        };
        const store = opts.maildir
          ? writeFile(path.join(opts.maildir, `${Date.now()}-${received.length + 1}.eml`), raw)
          : Promise.resolve();
        store.then(
          () => {
            received.push(message);
            for (const waiter of waiters) {
              if (waiter.predicate(message)) {
                waiters.delete(waiter);
                waiter.resolve(message);
              }
            }
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    messages: () => [...received],
    waitFor(predicate, timeoutMs = 30_000) {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (m: ReceivedEmail) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching email within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface MimePart {
  headers: Record<string, string>;
  body: string;
}

/** Reads the subject, headers and text/html bodies of a raw message (enough MIME for what nodemailer writes). */
export function parseMessage(raw: string): Pick<ReceivedEmail, 'subject' | 'text' | 'html' | 'headers'> {
  const root = splitPart(raw);
  const leaves = flatten(root);
  const body = (type: string) => {
    const part = leaves.find((p) => (p.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(type) && !/attachment/i.test(p.headers['content-disposition'] ?? ''));
    return part ? decodeBody(part) : undefined;
  };
  const html = body('text/html');
  return {
    subject: decodeWords(root.headers.subject ?? ''),
    text: body('text/plain') ?? '',
    ...(html !== undefined ? { html } : {}),
    headers: root.headers,
  };
}

function splitPart(raw: string): MimePart {
  const normalised = raw.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? '' : normalised.slice(end + 2);
  const headers: Record<string, string> = {};
  // Folded header lines start with whitespace and continue the previous header.
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function flatten(part: MimePart): MimePart[] {
  const type = part.headers['content-type'] ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1);
  return sections.filter((s) => !s.startsWith('--')).flatMap((s) => flatten(splitPart(s.replace(/^\n/, ''))));
}

function decodeBody(part: MimePart): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const body = part.body.replace(/\n$/, '');
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=) in a header value. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

/** Serves the received messages as JSON (newest last) on GET /messages. */
function startMessagesHttp(smtp: DevSmtpServer, port: number, host: string): Promise<Server> {
  const http = createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/messages' || req.url === '/')) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(smtp.messages(), null, 2));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'GET /messages lists the received emails' }));
  });
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => resolve(http));
  });
}

const HTTP_PORT = 1080;

async function main(): Promise<void> {
  // Loopback only, whatever SMTP_HOST says: this server accepts mail from anyone who can reach it.
  const host = '127.0.0.1';
  const smtp = await startDevSmtpServer({ port: config().SMTP_PORT, host });
  const http = await startMessagesHttp(smtp, HTTP_PORT, host);
  console.log(`dev SMTP server on smtp://${host}:${smtp.port}; received emails at http://${host}:${HTTP_PORT}/messages`);
  const stop = () => {
    http.close();
    void smtp.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
