import type { Code } from './codes.js';

export type Lang = 'ru' | 'en';
export type CheckId = 'env' | 'format' | 'endpoints' | 'dns' | 'tcp' | 'tls' | 'oauth' | 'models' | 'chat' | 'code' | 'python';
export type Shell = 'posix' | 'powershell' | 'cmd';

/** What a remedy may use to print a command for the shell that will run it. */
export interface RemedyContext {
  shell: Shell;
  /** `export NAME=value` / `$env:NAME = "value"` / `set "NAME=value"` */
  setEnv(name: string, value: string): string;
  /** The command that runs gigadoctor here (`npx gigadoctor`, `node bin/gigadoctor.js`); `gigadoctor` when not given. */
  self?: string;
}

export type Details = Record<string, unknown>;

export interface CodeText {
  title: string;
  summary(d: Details): string;
  remediation(d: Details, ctx: RemedyContext): string[];
}

export interface Catalog {
  lang: Lang;
  checks: Record<CheckId, string>;
  codes: Record<Code, CodeText>;
}
