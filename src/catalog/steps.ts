// A remedy's words as data: which message, with which parameters. Nothing here knows a language
// or a shell; render.ts looks each message up in the language's phrase table and writes each
// command for the user's shell.

import type { Shell } from './types.js';

/** A command the renderer writes for the shell that will run it. */
export type Command =
  | { cmd: 'setEnv'; name: string; value: Param }
  | { cmd: 'unsetEnv'; name: string }
  | { cmd: 'persistEnv'; name: string; value: Param }
  | { cmd: 'run'; recipe: Recipe; args: readonly Param[] }
  | { cmd: 'placeholderPath'; file: string }
  | { cmd: 'self'; args: readonly Param[] };

/** Shell one-liners a remedy may ask for; src/catalog/commands.ts writes each for posix, PowerShell and cmd. */
export type Recipe =
  | 'tcpTest' // host, port
  | 'clockSync'
  | 'clockShow'
  | 'showProxy'
  | 'base64Pair'
  | 'decodeBase64File' // input, output
  | 'listFile' // path
  | 'caFingerprint' // file
  | 'tlsProbe' // host, port
  | 'certShow' // file
  | 'derCertToPem' // input, output
  | 'derKeyToPem' // input, output
  | 'keyReads' // key file
  | 'keyMatchesCert'; // cert file, key file

/** A message's name; the English table lists them, and the Russian one must hold the same (phrases/ru.ts). */
export type PhraseKey = keyof (typeof import('./phrases/en.js'))['phrases']['say'];

/** One message of the phrase table and its parameters. */
export interface Say {
  say: PhraseKey;
  with: Readonly<Record<string, Param>>;
}

export type Param = string | number | boolean | null | undefined | Say | Command | readonly Param[];

/** What each code's remedy is: its one-line summary and its steps, decided once for every language. */
export interface Remedy {
  summary(d: Details): Say;
  /** The steps in order; the shell only decides which commands fit (e.g. the OS certificate store). */
  steps(d: Details, shell: Shell): Array<Say | false | null | undefined>;
}

export type Details = Record<string, unknown>;

export const say = (phrase: PhraseKey, params: Record<string, Param> = {}): Say => ({ say: phrase, with: params });
export const setEnv = (name: string, value: Param): Command => ({ cmd: 'setEnv', name, value });
export const unsetEnv = (name: string): Command => ({ cmd: 'unsetEnv', name });
export const persistEnv = (name: string, value: Param): Command => ({ cmd: 'persistEnv', name, value });
export const run = (recipe: Recipe, ...args: Param[]): Command => ({ cmd: 'run', recipe, args });
/** An absolute path for a file the user downloads, in the shell's style (/path/to/x, C:\certs\x). */
export const placeholderPath = (file: string): Command => ({ cmd: 'placeholderPath', file });

/** gigadoctor itself, as the user ran it (`npx gigadoctor ca --out x`); the arguments are not quoted. */
export const gigadoctor = (...args: Param[]): Command => ({ cmd: 'self', args });

/** No steps: a passing verdict. */
export const none = (): never[] => [];

export function isSay(p: unknown): p is Say {
  return typeof p === 'object' && p !== null && 'say' in p;
}

export function isCommand(p: unknown): p is Command {
  return typeof p === 'object' && p !== null && 'cmd' in p;
}
