import { describe, expect, it } from 'vitest';
import { localDate } from '../../../src/catalog/phrases/format.js';
import { loadCatalog } from '../../../src/catalog/index.js';

describe('dates are shown as a person reads them, in both languages', () => {
  it('an ISO date becomes a local date with its time zone', () => {
    expect(localDate('2026-12-31T12:04:18.000Z', 'ru-RU')).toMatch(/^\d{1,2} (дек|янв)\. 202[67] г\., \d{2}:\d{2} (UTC|GMT[+-]\d+)/);
    expect(localDate('2026-12-31T12:04:18.000Z', 'en-GB')).toMatch(/^\d{1,2} (Dec|Jan) 202[67], \d{2}:\d{2} (UTC|GMT[+-]\d+)/);
    expect(localDate('not a date', 'en-GB')).toBe('not a date');
  });

  it('the OAuth and TLS summaries use it, never the ISO text', async () => {
    for (const lang of ['en', 'ru'] as const) {
      const cat = await loadCatalog(lang);
      const oauth = cat.codes.OAUTH_OK.summary({ url: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth', status: 200, expiresInSec: 1800, expiresAt: '2026-12-31T12:04:18.000Z' });
      expect(oauth, lang).not.toMatch(/2026-12-31T/);
      expect(oauth, lang).toMatch(/2026/);
      const subCa = cat.codes.TLS_SUB_CA_EXPIRING.summary({ host: 'ngw.devices.sberbank.ru', port: 9443, validTo: '2027-03-06T00:00:00.000Z', daysLeft: 90 });
      expect(subCa, lang).not.toMatch(/2027-03-06T/);
      expect(subCa, lang).toMatch(/2027/);
    }
  });
});
