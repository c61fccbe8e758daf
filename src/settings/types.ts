import type { CaFileCheck, CaFileRead } from './ca-file.js';
import type { ClientCertRead } from './client-cert.js';
import type { Lang } from '../catalog/types.js';
import type { Secret } from '../secret/index.js';

/** Where a value came from: a flag, the process environment, a line of the .env file, or our default. */
export type Source = 'flag' | 'env' | 'default' | `.env:${number}`;

export interface Sourced<T> {
  value: T;
  source: Source;
  /** The variable or flag that gave it (GIGACHAT_SCOPE, --scope …). */
  name: string;
}

export type CredentialKind = 'key' | 'accessToken' | 'password';

export interface CredentialSetting {
  kind: CredentialKind;
  /** The variable the value came from; may be an unofficial one (GIGACHAT_TOKEN). */
  variable: string;
  source: Source;
  secret: Secret;
  /** Set when the variable is not one the official SDKs read. */
  officialName?: string;
  user?: Sourced<string>;
}

export interface EnvFileState {
  path: string | null;
  status: 'loaded' | 'absent' | 'disabled' | 'unreadable';
  reason?: string;
  explicit: boolean;
}

/** A variable set both in the process env and in .env with different values. */
export interface Shadowed {
  name: string;
  fileSource: Source;
}

export type OutputFormat = 'human' | 'json' | 'markdown' | 'junit';

export interface Settings {
  credential: CredentialSetting | null;
  /** Other credential-ish variables present (official or not) besides the one used. */
  alsoPresent: Array<{ name: string; source: Source }>;
  /** Credential-ish variables that are present but empty. */
  emptyVariables: Array<{ name: string; source: Source }>;
  shadowed: Shadowed[];
  envFile: EnvFileState;
  scope: Sourced<string>;
  authUrl: Sourced<string>;
  baseUrl: Sourced<string>;
  model: Sourced<string>;
  caFile: Sourced<string> | null;
  /** What the CA file holds, read once here so the checks and the probe see the same. */
  caFileRead: CaFileRead | null;
  /** Every secret the run knows of, for the scrubber: the credential, others set beside it, passwords in URLs. */
  secretValues: Secret[];
  /** The user's app turns verification off (GIGACHAT_VERIFY_SSL_CERTS=false). */
  appVerifiesTls: Sourced<boolean>;
  insecure: boolean;
  timeoutMs: Sourced<number>;
  deadlineMs: number;
  chat: boolean;
  only: string[] | null;
  skip: string[];
  lang: Lang;
  format: OutputFormat;
  strict: boolean;
  verbose: boolean;
  color: boolean;
  proxy: ProxySettings;
  nodeExtraCaCerts: Sourced<string> | null;
  /** What the NODE_EXTRA_CA_CERTS file Node loaded at start holds (process env only: a .env line is never loaded). */
  nodeExtraCaRead: CaFileCheck | null;
  /** GIGACHAT_CERT_FILE / GIGACHAT_KEY_FILE (mTLS), null when neither is set. */
  clientCert: ClientCertSettings | null;
  /** The app's folder the code and python checks look at: --project, else the current folder (absolute). */
  project: Sourced<string>;
  /** The environment a program started from here inherits: the python check runs the app's interpreter with it. */
  appEnv: Readonly<Record<string, string | undefined>>;
}

export interface ClientCertSettings {
  certFile: Sourced<string> | null;
  keyFile: Sourced<string> | null;
  /** Where GIGACHAT_KEY_FILE_PASSWORD came from; its value is a secret and lives only in `read`. */
  passwordSource: Source | null;
  read: ClientCertRead;
}

export interface ProxySettings {
  httpsProxy: Sourced<string> | null;
  httpProxy: Sourced<string> | null;
  noProxy: Sourced<string> | null;
}
