// The official npm client (`gigachat`, as it is in node_modules) making the same three calls as
// baseline.mjs: token, models, one chat completion. Its agent keeps connections alive, as the
// plain script's does; Node trusts the stand-in through NODE_EXTRA_CA_CERTS.
import https from 'node:https';
import GigaChat from 'gigachat';

const { GIGACHAT_AUTH_URL: authUrl, GIGACHAT_BASE_URL: baseUrl, GIGACHAT_CREDENTIALS: credentials } = process.env;
const httpsAgent = new https.Agent({ keepAlive: true });
// The client announces each token refresh on the console.
console.info = () => undefined;
const giga = new GigaChat({ credentials, scope: 'GIGACHAT_API_PERS', authUrl, baseUrl, model: 'GigaChat-2', timeout: 30, httpsAgent });
await giga.updateToken();
await giga.getModels();
const chat = await giga.chat({ messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 });
if (!chat.choices?.length) process.exit(1);
httpsAgent.destroy();
