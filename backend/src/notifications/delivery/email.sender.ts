import { DeliveryError } from './delivery-error';

export type EmailMessage = {
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  password: string | null;
  from: string;
  recipients: string[];
  subject: string;
  text: string;
};

type SmtpError = Error & { code?: unknown; responseCode?: unknown };

/** One try through the channel's SMTP server; a refusal with a 5xx SMTP code, or of the sign-in, is final. */
export async function sendEmail(message: EmailMessage, timeoutMs: number): Promise<void> {
  // Loaded on the first email, not at boot: ~1.8 MB the API process keeps only where email channels exist.
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({
    host: message.host,
    port: message.port,
    secure: message.secure,
    auth: message.username ? { user: message.username, pass: message.password ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    await transport.sendMail({ from: message.from, to: message.recipients, subject: message.subject, text: message.text });
  } catch (error) {
    const smtp = error as SmtpError;
    const code = typeof smtp.code === 'string' ? smtp.code : null;
    const responseCode = typeof smtp.responseCode === 'number' ? smtp.responseCode : null;
    if (code === 'EAUTH') throw new DeliveryError('the SMTP server refused the sign-in', false);
    if (responseCode !== null) throw new DeliveryError(`the SMTP server answered ${responseCode}`, responseCode < 500);
    throw new DeliveryError(code ? `SMTP connection failed (${code})` : 'SMTP connection failed', true);
  } finally {
    transport.close();
  }
}
