// The Russian Trusted Root CA and Sub CA that sign GigaChat's certificates: names, the file names
// `gigadoctor ca` and the remedies use, and their SHA-256 pins (/work/shared/data, verified).
// The PEMs themselves live in src/trust/russian-ca.ts.

export const RUSSIAN_ROOT_CA = {
  name: 'Russian Trusted Root CA',
  file: 'russian-trusted-root-ca.pem',
  sha256: 'D2:6D:2D:02:31:B7:C3:9F:92:CC:73:85:12:BA:54:10:35:19:E4:40:5D:68:B5:BD:70:3E:97:88:CA:8E:CF:31',
} as const;

export const RUSSIAN_SUB_CA = {
  name: 'Russian Trusted Sub CA',
  file: 'russian-trusted-sub-ca.pem',
  sha256: 'BB:BD:E2:10:3E:79:0B:99:9E:C6:2B:D0:3C:F6:25:A5:A2:E7:C3:16:E1:0A:FE:6A:49:0E:ED:EA:D8:B3:FD:9B',
} as const;

/** The official download page of both certificates. */
export const RUSSIAN_CA_PAGE = 'https://www.gosuslugi.ru/crt';
