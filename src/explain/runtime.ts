/**
 * Which runtime wrote a record, from its own words: the remedies that runtime's users need come
 * first (a Python app fixes TLS with GIGACHAT_CA_BUNDLE_FILE or certifi, never NODE_EXTRA_CA_CERTS).
 */

export type Runtime = 'python' | 'node' | 'curl' | 'java' | 'dotnet';
/** The Python HTTP stack, when the record names it: it decides which CA variable is read. */
export type PythonLibrary = 'gigachat' | 'langchain-gigachat' | 'requests' | 'httpx' | 'aiohttp';

const MARKERS: Array<[Runtime, RegExp]> = [
  ['java', /\bjavax\.net\.ssl\.|\bjava\.(?:net|io|lang|security)\.[A-Za-z.]*(?:Exception|Error)\b|\bsun\.security\.|PKIX path building failed|\n\s+at (?:java|javax|jdk|sun|okhttp3|reactor|org\.springframework)\./],
  ['dotnet', /\bSystem\.Net\.Http\.HttpRequestException|\bSystem\.Security\.Authentication\.|\bSystem\.Net\.Sockets\.SocketException|\n\s+at System\.|\.cs:line \d+/],
  ['python', /Traceback \(most recent call last\)|File "[^"\n]+\.py", line \d+|\b(?:httpx|httpcore|requests|urllib3|aiohttp|gigachat|langchain_gigachat|langchain_core|ssl|certifi|pydantic(?:_core)?|json\.decoder)\.[A-Za-z_.]*(?:Error|Exception|Timeout|Warning|Disconnected)\b|\[Errno -?\d+\]|\[WinError \d+\]|_ssl\.c:\d+|\bSSLCertVerificationError\b|HTTPSConnectionPool\(|\[SSL: [A-Z_0-9]+\]|site-packages[\\/]|\bpython\d(?:\.\d+)?\b|\.venv[\\/]|\bpydantic\b/],
  ['node', /\n\s+at [^\n]*(?:\(node:|\(file:\/\/|node_modules[\\/]|\.[cm]?js:\d+:\d+\))|node:internal|\bAxiosError\b|\bUND_ERR_[A-Z_]+|\bERR_TLS_[A-Z_]+|\bcode: '[A-Z_]+'|\berrno: -\d+|TypeError: fetch failed|\bSELF_SIGNED_CERT_IN_CHAIN\b|\bUNABLE_TO_GET_ISSUER_CERT_LOCALLY\b|\bDEPTH_ZERO_SELF_SIGNED_CERT\b|\bCERT_HAS_EXPIRED\b|\bERR_BAD_(?:RESPONSE|REQUEST)\b|\bnode_modules[\\/]|\b(?:connect|read|write|getaddrinfo) E[A-Z]{4,}\b|timeout of \d+ms exceeded|\bNODE_TLS_REJECT_UNAUTHORIZED\b/],
  ['curl', /\bcurl: \(\d+\)|^\* (?:Trying|Connected to|SSL connection|TLSv1\.\d)|\bcurl\/\d/m],
];

export function runtimeOf(text: string): Runtime | null {
  for (const [runtime, re] of MARKERS) if (re.test(text)) return runtime;
  return null;
}

export function pythonLibraryOf(text: string): PythonLibrary | null {
  if (/langchain_gigachat|langchain-gigachat/.test(text)) return 'langchain-gigachat';
  if (/\bgigachat[\\/.](?:client|api|exceptions)|gigachat\.exceptions\b/.test(text)) return 'gigachat';
  if (/\brequests[\\/.]|HTTPSConnectionPool\(|\burllib3\b/.test(text)) return 'requests';
  if (/\bhttpx\b|\bhttpcore\b/.test(text)) return 'httpx';
  if (/\baiohttp\b/.test(text)) return 'aiohttp';
  return null;
}
