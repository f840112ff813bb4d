/**
 * The lab's explanation step with a token and a server that fails, then recovers: the offline stand-ins of
 * the failed run must not be cached as if they were the answer (the LLM would never be asked again without
 * --fresh); the next run asks again and caches the real answers. The LLM is a local server reached through
 * HF_ENDPOINT, the way a user points the lab at their own compatible server.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeDemoCsv } from '../../src/data/demo';
import { openLab } from '../../src/pipeline/lab';
import { startChatServer, type ChatServer } from './chat-server';
import { TOKEN } from './fixture';

jest.setTimeout(300_000);

let dir: string;
let data: string;
let server: ChatServer;
const saved = { token: process.env.HF_TOKEN, endpoint: process.env.HF_ENDPOINT };

beforeAll(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lab-explain-retry-'));
  data = path.join(dir, 'demo.csv');
  await writeDemoCsv(data, { rows: 1200, seed: 13 });
  server = await startChatServer('Answer from the local LLM.');
  process.env.HF_TOKEN = TOKEN;
  process.env.HF_ENDPOINT = server.url;
  delete process.env.HF_INFERENCE_ENDPOINT;
});

afterAll(async () => {
  for (const [name, value] of [
    ['HF_TOKEN', saved.token],
    ['HF_ENDPOINT', saved.endpoint],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function explainOnce() {
  const lab = await openLab({ data, outDir: dir, rounds: 10, quiet: true });
  try {
    return (await lab.explanation()).examples.map((x) => x.text);
  } finally {
    lab.close();
  }
}

test('a failed LLM run is not cached; the next run asks again and caches the real answers', async () => {
  server.mode = 'http500';
  const failed = await explainOnce();
  expect(failed.map((t) => t.source)).toEqual(['offline', 'offline', 'offline']);
  expect(failed[0].fallbackReason).toMatch(/^http: HTTP 500/);
  const asked = server.received.length;
  expect(asked).toBe(3);
  expect(server.received[0].url).toBe('/v1/chat/completions');

  server.mode = 'ok';
  const recovered = await explainOnce();
  expect(recovered.map((t) => t.source)).toEqual(['llm', 'llm', 'llm']);
  expect(recovered[0].text).toBe('Answer from the local LLM.');
  expect(server.received.length).toBe(asked + 3);

  // Settled now: the third run is served from the step cache, the server is not called.
  server.mode = 'http500';
  const cached = await explainOnce();
  expect(cached.map((t) => t.text)).toEqual(recovered.map((t) => t.text));
  expect(server.received.length).toBe(asked + 3);
});
