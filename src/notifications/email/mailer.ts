import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../../scheduler/scheduler-options.js';

/** Sends the run mails through nodemailer's SMTP transport (SMTP_URL); absent when no server is configured. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(RESOLVED_OPTIONS) options: ResolvedSchedulerOptions) {
    const timeout = options.webhooks.timeoutMs;
    this.transport = options.email.smtpUrl ? createTransport({ url: options.email.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout } as never) : null;
    this.from = options.email.from;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** One attempt; the server's refusal (or no answer) as `error`. */
  async send(to: readonly string[], subject: string, text: string): Promise<{ error: string | null; latencyMs: number }> {
    const started = performance.now();
    try {
      await this.transport!.sendMail({ from: this.from, to: [...to], subject, text });
      return { error: null, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error), latencyMs: Math.round(performance.now() - started) };
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
