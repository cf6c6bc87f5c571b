import { SMTPServer } from 'smtp-server';
import { type ParsedMail, parseMail } from './mime.js';

export type ReceivedMail = ParsedMail & { envelope: { from: string; to: string[] } };

/** What the sink answers a recipient: accept (null), or an SMTP reply code and text. */
export type RecipientRule = (address: string) => { code: number; message: string } | null;

export type SmtpSink = {
  port: number;
  url: string;
  readonly mails: ReceivedMail[];
  /** Resolves once at least `count` emails arrived (fails after `timeoutMs`, listing what did). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Emails whose envelope names this recipient. */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
};

/**
 * A real SMTP server on loopback, as a mail relay would be: it takes whatever Parley sends (no
 * TLS, no sign-in) and keeps each message's envelope and its raw bytes, parsed. On a random port,
 * or on `port` (to come back where a mail server went down).
 */
export async function startSmtpSink(options: { port?: number; recipients?: RecipientRule } = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = options.recipients?.(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        mails.push({ ...parseMail(Buffer.concat(chunks).toString('utf8')), envelope });
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`expected ${count} emails, got ${mails.length}: ${mails.map((m) => `${m.envelope.to.join(',')} "${m.header('subject')}"`).join('; ')}`),
            ),
          timeoutMs,
        );
        const check = () => {
          if (mails.length >= count) {
            clearTimeout(timer);
            resolve(mails);
          } else waiters.push(check);
        };
        check();
      });
    },
    to: (recipient) => mails.filter((mail) => mail.envelope.to.includes(recipient)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on (yet): a mail server that is down. */
export async function freePort(): Promise<number> {
  const sink = await startSmtpSink();
  await sink.close();
  return sink.port;
}
