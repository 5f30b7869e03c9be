import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LibdeskError } from '../../core/errors.js';
import { type Channel, inquiryInputSchema } from '../../core/inquiry.js';
import type { InquiryResult, InquiryService } from '../../core/inquiry-service.js';
import type { IntegrationAuthenticator } from '../../core/staff.js';
import { integrationAuth } from '../plugins/integration-auth.js';
import { type InquiryResponse, inquiryResponseSchema } from '../schemas/inquiry.js';

export interface InquiryRoutesOptions {
  inquiries: InquiryService;
  /** Only integrations holding an API key may post here. */
  integrations: IntegrationAuthenticator;
}

/**
 * Channels whose sender is proven only by the provider's signed webhook (or the mailbox we read). Taking
 * them here would let any key holder speak as a patron's phone or e-mail address and join that
 * patron's conversation, so they are refused even with a valid key.
 */
export const WEBHOOK_ONLY_CHANNELS: ReadonlySet<Channel> = new Set(['sms', 'email', 'discord']);

/**
 * The public contract for trusted integrations: one message in, the assistant's answer out (DESIGN
 * "The public contract"). The web chat and the report page have their own routes with their own trust.
 */
export const inquiryRoutes: FastifyPluginAsyncZod<InquiryRoutesOptions> = async (app, options) => {
  await app.register(integrationAuth, { authenticator: options.integrations });

  app.post(
    '/api/v1/inquiries',
    { schema: { body: inquiryInputSchema, response: { 200: inquiryResponseSchema, 201: inquiryResponseSchema } } },
    async (request, reply) => {
      if (WEBHOOK_ONLY_CHANNELS.has(request.body.channel)) {
        throw new LibdeskError('LD_FORBIDDEN', `Messages on the ${request.body.channel} channel come only through its verified webhook.`, {
          details: { channel: request.body.channel },
        });
      }
      const result = await options.inquiries.handle(request.body);
      // A retried message (same externalId) gets the stored answer with 200: nothing was created.
      return reply.code(result.duplicate ? 200 : 201).send(toInquiryResponse(result));
    },
  );
};

export function toInquiryResponse(result: InquiryResult): InquiryResponse {
  return {
    inquiryId: result.inquiryId,
    intent: result.intent,
    reply: result.reply,
    confidence: result.confidence,
    duplicate: result.duplicate,
    ...(result.ticket ? { ticket: result.ticket } : {}),
  };
}
