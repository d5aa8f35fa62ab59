import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createSmtpTransport } from './email-worker.run';

/** An in-process SMTP server on loopback that counts the connections it accepted. */
async function countingSmtpServer(): Promise<{ port: number; connections: () => number; received: () => number; dropConnections: () => void; stop: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port,
    connections: () => connections,
    received: () => received,
    dropConnections,
    stop: () => {
      dropConnections();
      return new Promise<void>((resolve) => server.close(resolve));
    },
  };
}

const email = (n: number) => ({
  from: 'Checkout <orders@checkout.local>',
  to: 'hanako@example.jp',
  subject: `Your order ord-${n} is confirmed`,
  text: 'Thank you for your order.',
  html: '<p>Thank you for your order.</p>',
  messageId: `<${n}.order-event@checkout.local>`,
  headers: { 'X-Checkout-Event-Id': `evt-${n}` },
});

describe('email worker SMTP transport', () => {
  it('sends one email after another over one connection', async () => {
    const smtp = await countingSmtpServer();
    const transport = createSmtpTransport({ SMTP_HOST: '127.0.0.1', SMTP_PORT: smtp.port });
    try {
      for (let n = 1; n <= 3; n++) await transport.sendMail(email(n));
      expect(smtp.received()).toBe(3);
      expect(smtp.connections()).toBe(1);
    } finally {
      transport.close();
      await smtp.stop();
    }
  });

  it('sends again over a new connection after the server dropped the pooled one', async () => {
    const smtp = await countingSmtpServer();
    const transport = createSmtpTransport({ SMTP_HOST: '127.0.0.1', SMTP_PORT: smtp.port });
    try {
      await transport.sendMail(email(1));
      smtp.dropConnections();
      // Should the pool hand out the dropped connection once, the consumer sees an SMTP outage and retries: so does this test.
      const sent = await transport.sendMail(email(2)).catch(() => transport.sendMail(email(2)));
      expect(sent.messageId).toBe('<2.order-event@checkout.local>');
      expect(smtp.received()).toBe(2);
      expect(smtp.connections()).toBe(2);
    } finally {
      transport.close();
      await smtp.stop();
    }
  });
});
