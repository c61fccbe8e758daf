import { describe, expect, it } from 'vitest';
import { localDate } from '../../../src/catalog/phrases/format.js';
import { loadCatalog } from '../../../src/catalog/index.js';

describe('dates are shown as a person reads them, in both languages', () => {
  it('an ISO date becomes a local date with its time zone, worded as ICU words it in each language', async () => {
    const catalogs = { en: await loadCatalog('en'), ru: await loadCatalog('ru') };
    const saved = process.env.TZ;
    try {
      for (const [tz, expected] of [
        ['UTC', { en: '31 Dec 2026, 12:04 UTC', ru: '31 дек. 2026 г., 12:04 UTC' }],
        ['Europe/Moscow', { en: '31 Dec 2026, 15:04 GMT+3', ru: '31 дек. 2026 г., 15:04 GMT+3' }],
        ['Asia/Kolkata', { en: '31 Dec 2026, 17:34 GMT+5:30', ru: '31 дек. 2026 г., 17:34 GMT+5:30' }],
        ['America/New_York', { en: '31 Dec 2026, 07:04 GMT-5', ru: '31 дек. 2026 г., 07:04 GMT-5' }],
      ] as const) {
        process.env.TZ = tz;
        for (const lang of ['en', 'ru'] as const) {
          const summary = catalogs[lang].codes.TLS_SUB_CA_EXPIRING.summary({ validTo: '2026-12-31T12:04:18.000Z', daysLeft: 30 });
          expect(summary, `${tz} ${lang}`).toContain(expected[lang]);
        }
      }
      // Every month's word, against ICU's own (UTC: no zone name differs from it).
      process.env.TZ = 'UTC';
      for (let month = 0; month < 12; month++) {
        const iso = new Date(Date.UTC(2026, month, 5, 3, 7)).toISOString();
        for (const [lang, locale] of [['en', 'en-GB'], ['ru', 'ru-RU']] as const) {
          const icu = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
          expect(catalogs[lang].codes.TLS_SUB_CA_EXPIRING.summary({ validTo: iso }), `${lang} month ${month + 1}`).toContain(icu);
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(localDate('not a date', { months: [], yearSuffix: '' })).toBe('not a date');
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
