// The yardstick: a plain Node script doing only what a GigaChat client must do —
// token, models, one chat completion — over one keep-alive agent. No checks, no output.
// It trusts the stand-in as a real client is told to (NODE_EXTRA_CA_CERTS, Node's roots kept);
// with BENCH_BASELINE_CA_ONLY=1 it passes only the stand-in's CA, which skips loading Node's
// root store (~45 ms) and so is faster than any client with real-world trust.
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

const { GIGACHAT_AUTH_URL: authUrl, GIGACHAT_BASE_URL: baseUrl, GIGACHAT_CREDENTIALS: key, BENCH_CA: caFile } = process.env;
const caOnly = process.env.BENCH_BASELINE_CA_ONLY === '1';
const agent = new https.Agent({ keepAlive: true, ...(caOnly ? { ca: readFileSync(caFile, 'utf8') } : {}) });

function call(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const token = JSON.parse((await call(authUrl, 'POST', {
  Authorization: `Basic ${key}`, RqUID: randomUUID(), 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json',
}, 'scope=GIGACHAT_API_PERS')).body).access_token;
const auth = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
await call(`${baseUrl}/models`, 'GET', auth);
const chat = await call(`${baseUrl}/chat/completions`, 'POST', { ...auth, 'Content-Type': 'application/json' },
  JSON.stringify({ model: 'GigaChat-2', messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 }));
if (chat.status !== 200) process.exit(1);
agent.destroy();
