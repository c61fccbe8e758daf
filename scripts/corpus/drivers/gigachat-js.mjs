// The official `gigachat` npm client as an app uses it: token, models, one chat, and on failure
// what an app logs with console.error. Run by scripts/corpus/main.ts against the mock.
// argv: authUrl baseUrl caFile|'-' timeoutSeconds [module]; the key comes from GIGACHAT_CREDENTIALS.
import fs from 'node:fs';
import https from 'node:https';

const [authUrl, baseUrl, caFile, timeout, which = 'gigachat'] = process.argv.slice(2);
const httpsAgent = new https.Agent(caFile === '-' ? {} : { ca: fs.readFileSync(caFile) });
const options = { credentials: process.env.GIGACHAT_CREDENTIALS, scope: 'GIGACHAT_API_PERS', authUrl, baseUrl, model: 'GigaChat-2', timeout: Number(timeout), httpsAgent };

try {
  if (which === 'langchain-gigachat') {
    const { GigaChat } = await import(process.env.LANGCHAIN_GIGACHAT_ENTRY);
    const llm = new GigaChat({ ...options, maxRetries: 0 });
    await llm.invoke('ping');
  } else {
    const { default: GigaChat } = await import('gigachat');
    const giga = new GigaChat(options);
    await giga.updateToken();
    await giga.getModels();
    await giga.chat({ messages: [{ role: 'user', content: 'ping' }] });
  }
  console.log('GigaChat answered');
} catch (err) {
  console.error('GigaChat request failed:', err);
  process.exitCode = 1;
}
