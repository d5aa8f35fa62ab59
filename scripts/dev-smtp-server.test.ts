import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { parseMessage, startDevSmtpServer, type DevSmtpServer } from './dev-smtp-server';

describe('dev SMTP server', () => {
  let server: DevSmtpServer;
  let maildir: string;

  beforeAll(async () => {
    maildir = await mkdtemp(path.join(tmpdir(), 'dev-smtp-'));
    server = await startDevSmtpServer({ port: 0, maildir });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(maildir, { recursive: true, force: true });
  });

  it('receives mail over SMTP and keeps the envelope, subject, bodies and headers', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.port, secure: false });
    const arriving = server.waitFor((m) => m.subject.startsWith('ご注文'), 10_000);
    await transport.sendMail({
      from: 'Checkout <orders@checkout.local>',
      to: ['hanako@example.jp', 'taro@example.jp'],
      subject: 'ご注文ありがとうございます ord-1',
      text: 'Total: ¥4,700\n' + 'long line '.repeat(20),
      html: '<p>Total: <b>¥4,700</b></p>',
      headers: { 'X-Checkout-Event-Id': 'evt-1' },
    });
    transport.close();
    const message = await arriving;
    expect(message.from).toBe('orders@checkout.local');
    expect(message.to).toEqual(['hanako@example.jp', 'taro@example.jp']);
    expect(message.subject).toBe('ご注文ありがとうございます ord-1');
    expect(message.text).toBe('Total: ¥4,700\n' + 'long line '.repeat(20));
    expect(message.html).toBe('<p>Total: <b>¥4,700</b></p>');
    expect(message.headers['x-checkout-event-id']).toBe('evt-1');
    expect(server.messages()).toContainEqual(message);
    const files = await readdir(maildir);
    expect(files).toHaveLength(1);
    expect(await readFile(path.join(maildir, files[0]!), 'utf8')).toBe(message.raw);
  });

  it('rejects a wait that no message satisfies', async () => {
    await expect(server.waitFor((m) => m.subject === 'never sent', 200)).rejects.toThrow(/no matching email/);
  });
});

describe('parseMessage', () => {
  it('reads a single-part base64 message with folded headers', () => {
    const raw = [
      'Subject: =?UTF-8?B?5rOo5paH?=',
      '  =?UTF-8?Q?_confirmed?=',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('こんにちは').toString('base64'),
      '',
    ].join('\r\n');
    expect(parseMessage(raw)).toMatchObject({ subject: '注文 confirmed', text: 'こんにちは' });
  });
});
