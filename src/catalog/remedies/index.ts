// Every code's remedy, written once for every language (docs/catalog.md: how to add one).
import type { Code } from '../codes.js';
import type { Remedy } from '../steps.js';
import { apiRemedies } from './api.js';
import { appRemedies } from './app.js';
import { credentialRemedies } from './credentials.js';
import { networkRemedies } from './network.js';
import { oauthRemedies } from './oauth.js';
import { runnerRemedies } from './runner.js';
import { tlsRemedies } from './tls.js';

export const REMEDIES: Record<Code, Remedy> = {
  ...credentialRemedies,
  ...networkRemedies,
  ...tlsRemedies,
  ...oauthRemedies,
  ...apiRemedies,
  ...runnerRemedies,
  ...appRemedies,
};
