// A bare Fastify JSON POST server: the yardstick `npm run bench:http` compares Libdesk's inquiry API with.
// Same framework, same JSON parsing and a validated body of the same shape; no work behind it.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post(
  '/api/v1/inquiries',
  {
    schema: {
      body: {
        type: 'object',
        required: ['channel', 'address', 'text'],
        properties: { channel: { type: 'string' }, address: { type: 'string' }, text: { type: 'string' } },
      },
    },
  },
  async (request, reply) => {
    const body = request.body as { address: string; text: string };
    return reply.code(201).send({ inquiryId: body.address, intent: 'hours', reply: { text: body.text }, confidence: 1, duplicate: false });
  },
);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ url });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
