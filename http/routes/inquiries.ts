import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inquiryInputSchema } from '../../core/inquiry.js';
import type { InquiryResult, InquiryService } from '../../core/inquiry-service.js';
import { type InquiryResponse, inquiryResponseSchema } from '../schemas/inquiry.js';

export interface InquiryRoutesOptions {
  inquiries: InquiryService;
}

/** The public contract: one message in, the assistant's answer out (DESIGN "The public contract"). */
export const inquiryRoutes: FastifyPluginAsyncZod<InquiryRoutesOptions> = async (app, options) => {
  app.post(
    '/api/v1/inquiries',
    { schema: { body: inquiryInputSchema, response: { 200: inquiryResponseSchema, 201: inquiryResponseSchema } } },
    async (request, reply) => {
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
