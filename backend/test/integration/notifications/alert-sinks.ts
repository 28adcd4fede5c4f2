import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedHook = { headers: IncomingHttpHeaders; body: string };
export type WebhookReceiver = { url: string; received: ReceivedHook[]; close: () => Promise<void> };

const listen = (server: Server | SMTPServer['server']) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

/** A local webhook receiver that records every request and answers `status` (a function of the request count). */
export async function startWebhookReceiver(status: (count: number) => number = () => 204): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status(received.length)).end();
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/hooks/hamgam`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ReceivedMail = { from: string; to: string[]; data: string };
export type SmtpSink = { port: number; mails: ReceivedMail[]; close: () => Promise<void> };

/** A local SMTP server (the `smtp-server` package) that accepts every message and keeps it; no TLS, no sign-in needed. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  const port = await listen(server.server);
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
