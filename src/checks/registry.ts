import type { Check } from '../types.js';
import { chatCheck } from './chat-check.js';
import { codeCheck } from './code-check.js';
import { dnsCheck } from './dns-check.js';
import { endpointsCheck } from './endpoints-check.js';
import { envCheck } from './env-check.js';
import { formatCheck } from './format-check.js';
import { modelsCheck } from './models-check.js';
import { oauthCheck } from './oauth-check.js';
import { pythonCheck } from './python-check.js';
import { tcpCheck } from './tcp-check.js';
import { tlsCheck } from './tls-check.js';

/** The order of this list is the order of every report. */
export const CHECKS: readonly Check[] = [envCheck, formatCheck, endpointsCheck, dnsCheck, tcpCheck, tlsCheck, oauthCheck, modelsCheck, chatCheck, codeCheck, pythonCheck];
