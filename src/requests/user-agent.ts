import { VERSION } from '../version.js';

export const USER_AGENT = `gigadoctor/${VERSION}`;
