import { LlmError, llmEndpoint, redactToken, requestChatCompletion } from '../../src/explain/llm-client';
import { buildExplanationPrompt } from '../../src/explain/prompt';
import { startChatServer, type ChatServer } from './chat-server';
import { EXPLANATION, TOKEN, TRACK } from './fixture';

const prompt = buildExplanationPrompt(TRACK, EXPLANATION);
let server: ChatServer;
beforeAll(async () => (server = await startChatServer('Danceability drives it.')));
afterAll(() => server.close());

async function failure(options: Parameters<typeof requestChatCompletion>[1]): Promise<LlmError> {
  try {
    await requestChatCompletion(prompt, options);
  } catch (error) {
    return error as LlmError;
  }
  throw new Error('expected a failure');
}

test('the real client posts the prompt to {endpoint}/v1/chat/completions with the token and returns the answer', async () => {
  server.mode = 'ok';
  const text = await requestChatCompletion(prompt, {
    endpointUrl: server.url,
    token: TOKEN,
    model: 'test/model',
  });
  expect(text).toBe('Danceability drives it.');
  const req = server.received.at(-1)!;
  expect(req.url).toBe('/v1/chat/completions');
  expect(req.authorization).toBe(`Bearer ${TOKEN}`);
  expect(req.body.model).toBe('test/model');
  expect(req.body.messages!.map((m) => m.role)).toEqual(['system', 'user']);
  expect(req.body.messages![1].content).toContain('danceability = 0.810: +1.600');
});

test.each([
  ['http500', 'http', 500],
  ['http429', 'rate-limit', 429],
  ['malformed', 'malformed', undefined],
  ['no-choices', 'malformed', undefined],
] as const)('server mode %s becomes LlmError kind %s', async (mode, kind, status) => {
  server.mode = mode;
  const error = await failure({ endpointUrl: server.url, token: TOKEN });
  expect(error).toBeInstanceOf(LlmError);
  expect(error.kind).toBe(kind);
  expect(error.status).toBe(status);
});

test('a server that never answers is a timeout', async () => {
  server.mode = 'slow';
  const error = await failure({ endpointUrl: server.url, token: TOKEN, timeoutMs: 300 });
  expect(error.kind).toBe('timeout');
  expect(error.message).toBe('no answer within 300 ms');
});

test('connection refused is a network error; no token fails before any request', async () => {
  const closed = await startChatServer();
  await closed.close();
  const error = await failure({ endpointUrl: closed.url, token: TOKEN });
  expect(error.kind).toBe('network');
  expect(error.message).toMatch(/fetch failed.*ECONNREFUSED/);
  const before = server.received.length;
  const saved = process.env.HF_TOKEN;
  delete process.env.HF_TOKEN;
  try {
    expect((await failure({ endpointUrl: server.url })).kind).toBe('no-token');
  } finally {
    if (saved !== undefined) process.env.HF_TOKEN = saved;
  }
  expect(server.received.length).toBe(before);
});

test('a server that echoes the token back never gets it into the error', async () => {
  server.mode = 'echo-token';
  const error = await failure({ endpointUrl: server.url, token: TOKEN });
  expect(error.kind).toBe('http');
  expect(error.message).toContain('[redacted]');
  expect(JSON.stringify({ m: error.message, s: error.stack })).not.toContain(TOKEN);
  expect(redactToken(`a ${TOKEN} b ${TOKEN}`, TOKEN)).toBe('a [redacted] b [redacted]');
});

describe('llmEndpoint: the option, then HF_INFERENCE_ENDPOINT, then HF_ENDPOINT', () => {
  test('precedence, trailing slashes dropped, unset means Hugging Face routing', () => {
    const env = { HF_INFERENCE_ENDPOINT: 'http://127.0.0.1:9/', HF_ENDPOINT: 'http://127.0.0.1:8' };
    expect(llmEndpoint({ endpointUrl: 'https://llm.example/' }, env)).toBe('https://llm.example');
    expect(llmEndpoint({}, env)).toBe('http://127.0.0.1:9');
    expect(llmEndpoint({}, { HF_ENDPOINT: 'http://127.0.0.1:8' })).toBe('http://127.0.0.1:8');
    expect(llmEndpoint({}, { HF_ENDPOINT: '' })).toBeUndefined();
    expect(llmEndpoint({}, {})).toBeUndefined();
  });

  test('a value that is not an http(s) URL is refused with the variable named', () => {
    expect(() => llmEndpoint({}, { HF_ENDPOINT: 'localhost:8080' })).toThrow(
      "HF_ENDPOINT must be an http(s) URL such as http://127.0.0.1:8080, got 'localhost:8080'",
    );
    expect(() => llmEndpoint({ endpointUrl: 'ftp://x' }, {})).toThrow(
      /^endpointUrl must be an http\(s\) URL/,
    );
  });

  test('HF_ENDPOINT alone sends the request to that server', async () => {
    const server = await startChatServer('via env');
    const saved = process.env.HF_ENDPOINT;
    process.env.HF_ENDPOINT = server.url;
    try {
      expect(await requestChatCompletion(prompt, { token: TOKEN })).toBe('via env');
      expect(server.received).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.HF_ENDPOINT;
      else process.env.HF_ENDPOINT = saved;
      await server.close();
    }
  });
});
