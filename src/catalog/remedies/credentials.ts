// The env and format checks' findings: where the credential comes from and what it looks like.

import {
  ACCESS_TOKEN_VAR, CREDENTIALS_VAR, DEFAULT_MODEL, DEFAULT_SCOPE, MODEL_VAR, PASSWORD_VAR, SCOPE_VAR, SECOND_GENERATION, STUDIO_URL,
  USER_VAR, officialNameFor,
} from '../../gigachat/index.js';
import { has, isFileSource, list, str } from '../text-helpers.js';
import { gigadoctor, none, run, say, setEnv, unsetEnv, type Details, type Param, type Remedy, type Say } from '../steps.js';
import { KEY, TOKEN, at, checkTitle, tokenMovedToCredentials, variableOf } from './common.js';
import { scopesExplained } from './oauth.js';

/** The placeholder a variable's value is shown as: the key only for a variable that holds one. */
function placeholderFor(name: string): Param {
  switch (officialNameFor(name)) {
    case CREDENTIALS_VAR:
      return KEY;
    case ACCESS_TOKEN_VAR:
      return TOKEN;
    case PASSWORD_VAR:
      return say('placeholder.password');
    case USER_VAR:
      return say('placeholder.user');
    case SCOPE_VAR:
      return say('placeholder.scope');
    default:
      return say('placeholder.value');
  }
}

/**
 * The last step of every "fix the value" remedy: the .env line, or the variable set again, under
 * its official name (a key found in GIGACHAT_TOKEN goes back as GIGACHAT_CREDENTIALS).
 */
function fixAt(d: Details, fallback = CREDENTIALS_VAR): Say {
  const name = officialNameFor(variableOf(d, fallback));
  const source = str(d.source);
  return isFileSource(source)
    ? say('fix.fileLine', { file: source, name, value: placeholderFor(name) })
    : say('fix.setAgain', { set: setEnv(name, placeholderFor(name)) });
}

/** The variable the SDKs take instead of this unofficial one (the env check's `inUse`), when it is another. */
function ignoredFor(d: Details): string {
  const inUse = str(d.inUse);
  return inUse !== str(d.variable) ? inUse : '';
}

const studioStep = say('step.studio', { studio: STUDIO_URL });

/** The variable and where it came from, the subject of most format findings. */
const subject = (d: Details, fallback?: string): Record<string, Param> => ({ variable: variableOf(d, fallback), at: at(d) });

export const credentialRemedies = {
  // --- env ---
  CREDENTIALS_FOUND: {
    summary: (d) => say('CREDENTIALS_FOUND', { ...subject(d), kind: str(d.kind), length: str(d.length), fingerprint: str(d.fingerprint) }),
    steps: none,
  },
  CREDENTIALS_MISSING: {
    summary: (d) => say('CREDENTIALS_MISSING', { file: str(d.envFile), empty: list(d.unofficial) }),
    steps: (d) => [
      studioStep,
      say('CREDENTIALS_MISSING.set', { set: setEnv(CREDENTIALS_VAR, KEY), key: KEY, file: str(d.envFile, '.env') }),
      say('CREDENTIALS_MISSING.token'),
      list(d.unofficial).length > 0 && say('CREDENTIALS_MISSING.unofficial', { names: list(d.unofficial).join(', ') }),
    ],
  },
  CREDENTIALS_UNOFFICIAL_NAME: {
    summary: (d) =>
      say('CREDENTIALS_UNOFFICIAL_NAME', { variable: str(d.variable), at: at(d), official: str(d.official, CREDENTIALS_VAR), inUse: ignoredFor(d) }),
    steps: (d) => {
      const name = str(d.variable);
      const official = str(d.official, CREDENTIALS_VAR);
      const source = str(d.source);
      const inUse = ignoredFor(d);
      if (inUse && name) {
        return [
          say('CREDENTIALS_UNOFFICIAL_NAME.removeIgnored', { name, inUse, file: isFileSource(source) ? source : '', unset: unsetEnv(name) }),
          say('CREDENTIALS_UNOFFICIAL_NAME.code', { name, official }),
        ];
      }
      return [
        isFileSource(source) && name
          ? say('CREDENTIALS_UNOFFICIAL_NAME.rename', { file: source, name, official })
          : say('CREDENTIALS_UNOFFICIAL_NAME.set', { set: setEnv(official, placeholderFor(official)), unset: name ? unsetEnv(name) : undefined }),
        say('CREDENTIALS_UNOFFICIAL_NAME.which'),
        say('CREDENTIALS_UNOFFICIAL_NAME.code', { name, official }),
      ];
    },
  },
  CREDENTIALS_SHADOWED: {
    summary: (d) => say('CREDENTIALS_SHADOWED', { variable: variableOf(d), winner: str(d.winnerSource, 'env'), file: str(d.fileSource, str(d.envFile, '.env')) }),
    steps: (d, shell) => {
      const name = variableOf(d);
      const file = str(d.fileSource, str(d.envFile, '.env'));
      return [
        say('CREDENTIALS_SHADOWED.unset', {
          file, unset: unsetEnv(name), places: say(shell === 'posix' ? 'CREDENTIALS_SHADOWED.unixPlaces' : 'CREDENTIALS_SHADOWED.windowsPlaces'),
        }),
        say('CREDENTIALS_SHADOWED.fixFile', { file }),
        say('CREDENTIALS_SHADOWED.set', { set: setEnv(name, placeholderFor(name)) }),
        name === SCOPE_VAR && say('SCOPE_INVALID.valid', { scopes: scopesExplained }),
      ];
    },
  },
  ENV_FILE_UNREADABLE: {
    summary: (d) => say('ENV_FILE_UNREADABLE', { path: str(d.path), reason: str(d.reason) }),
    steps: (d) => [
      say('ENV_FILE_UNREADABLE.check', { path: str(d.path, '.env'), look: run('listFile', str(d.path, '.env')) }),
      say('ENV_FILE_UNREADABLE.point', { file: gigadoctor('--dotenv', say('placeholder.path')), none: gigadoctor('--no-dotenv') }),
      say('ENV_FILE_UNREADABLE.utf8'),
    ],
  },

  // --- format ---
  CREDENTIALS_OK: {
    summary: (d) => say('CREDENTIALS_OK', { variable: variableOf(d), kind: str(d.kind), length: str(d.length), scope: str(d.scope), model: str(d.model) }),
    steps: none,
  },
  CREDENTIALS_EMPTY: {
    summary: (d) => say('CREDENTIALS_EMPTY', subject(d)),
    steps: (d) => [variableOf(d) === ACCESS_TOKEN_VAR ? tokenMovedToCredentials : studioStep, fixAt(d), say('CREDENTIALS_EMPTY.stillSet')],
  },
  CREDENTIALS_PLACEHOLDER: {
    summary: (d) => say('CREDENTIALS_PLACEHOLDER', { ...subject(d), placeholder: str(d.placeholder) }),
    steps: (d) => [studioStep, fixAt(d)],
  },
  CREDENTIALS_BEARER_PREFIX: {
    summary: (d) => say('CREDENTIALS_BEARER_PREFIX', subject(d)),
    steps: (d) => [say('CREDENTIALS_BEARER_PREFIX.delete'), variableOf(d) !== ACCESS_TOKEN_VAR && say('CREDENTIALS_BEARER_PREFIX.token'), fixAt(d)],
  },
  CREDENTIALS_BASIC_PREFIX: {
    summary: (d) => say('CREDENTIALS_BASIC_PREFIX', subject(d)),
    steps: (d) => [say('CREDENTIALS_BASIC_PREFIX.keyOnly'), fixAt(d)],
  },
  CREDENTIALS_QUOTED: {
    summary: (d) => say('CREDENTIALS_QUOTED', { ...subject(d), quote: str(d.quote) }),
    steps: (d) => [say('CREDENTIALS_QUOTED.remove', { quote: str(d.quote) }), say('CREDENTIALS_QUOTED.where'), fixAt(d)],
  },
  CREDENTIALS_WHITESPACE: {
    summary: (d) => say('CREDENTIALS_WHITESPACE', { ...subject(d), where: str(d.where), chars: list(d.chars).join(', ') }),
    steps: (d) => [say('CREDENTIALS_WHITESPACE.remove'), say('CREDENTIALS_WHITESPACE.culprits'), fixAt(d)],
  },
  CREDENTIALS_FOREIGN_CHARACTERS: {
    summary: (d) => say('CREDENTIALS_FOREIGN_CHARACTERS', { ...subject(d), chars: list(d.chars).join(', ') }),
    steps: (d) => [say('CREDENTIALS_FOREIGN_CHARACTERS.ascii'), say('CREDENTIALS_FOREIGN_CHARACTERS.copy'), fixAt(d)],
  },
  CREDENTIALS_IS_ACCESS_TOKEN: {
    summary: (d) => say('CREDENTIALS_IS_ACCESS_TOKEN', { ...subject(d), length: str(d.length) }),
    steps: () => [
      studioStep,
      say('CREDENTIALS_IS_ACCESS_TOKEN.key', { set: setEnv(CREDENTIALS_VAR, KEY) }),
      say('CREDENTIALS_IS_ACCESS_TOKEN.token', { set: setEnv(ACCESS_TOKEN_VAR, TOKEN) }),
    ],
  },
  CREDENTIALS_RAW_PAIR: {
    summary: (d) => say('CREDENTIALS_RAW_PAIR', subject(d)),
    steps: (d) => [say('CREDENTIALS_RAW_PAIR.ready'), say('CREDENTIALS_RAW_PAIR.encode', { encode: run('base64Pair') }), fixAt(d)],
  },
  CREDENTIALS_SECRET_ONLY: {
    summary: (d) => say('CREDENTIALS_SECRET_ONLY', subject(d)),
    steps: (d) => [studioStep, say('CREDENTIALS_SECRET_ONLY.encode', { encode: run('base64Pair') }), fixAt(d)],
  },
  CREDENTIALS_NOT_BASE64: {
    summary: (d) => say('CREDENTIALS_NOT_BASE64', { ...subject(d), position: str(d.position), length: str(d.length), hasPosition: has(d.position) }),
    steps: (d) => [say('CREDENTIALS_NOT_BASE64.alphabet'), say('CREDENTIALS_NOT_BASE64.copy'), fixAt(d)],
  },
  CREDENTIALS_UNEXPECTED_CONTENT: {
    summary: (d) =>
      say('CREDENTIALS_UNEXPECTED_CONTENT', { ...subject(d), twice: d.encodedTwice === true, length: str(d.length), decoded: str(d.decodedLength) }),
    steps: (d) => [say('CREDENTIALS_UNEXPECTED_CONTENT.once'), say('CREDENTIALS_UNEXPECTED_CONTENT.project'), fixAt(d)],
  },
  CREDENTIALS_TRUNCATED: {
    summary: (d) =>
      say('CREDENTIALS_TRUNCATED', { ...subject(d), length: str(d.length), expected: str(d.expectedLength), inSecret: str(d.cutIn) === 'secret' }),
    steps: (d) => [say('CREDENTIALS_TRUNCATED.whole'), fixAt(d)],
  },
  ACCESS_TOKEN_IS_KEY: {
    summary: (d) => say('ACCESS_TOKEN_IS_KEY', subject(d, ACCESS_TOKEN_VAR)),
    steps: (d) => {
      const name = variableOf(d, ACCESS_TOKEN_VAR);
      const source = str(d.source);
      return [
        say('ACCESS_TOKEN_IS_KEY.move', { set: setEnv(CREDENTIALS_VAR, KEY) }),
        say('ACCESS_TOKEN_IS_KEY.remove', { name, unset: unsetEnv(name), line: isFileSource(source) ? source : '' }),
      ];
    },
  },
  ACCESS_TOKEN_MALFORMED: {
    summary: (d) => say('ACCESS_TOKEN_MALFORMED', { ...subject(d, ACCESS_TOKEN_VAR), segments: str(d.segments), length: str(d.length) }),
    steps: () => [say('ACCESS_TOKEN_MALFORMED.whole'), tokenMovedToCredentials],
  },
  SCOPE_INVALID: {
    summary: (d) => say('SCOPE_INVALID', { scope: str(d.scope), at: at(d), suggestion: str(d.suggestion) }),
    steps: (d) => {
      const target = str(d.suggestion, DEFAULT_SCOPE);
      return [
        say('SCOPE_INVALID.set', { set: setEnv(SCOPE_VAR, target) }),
        say('SCOPE_INVALID.valid', { scopes: scopesExplained }),
        isFileSource(d.source) && say('SCOPE_INVALID.fileLine', { file: str(d.source), line: `${SCOPE_VAR}=${target}` }),
      ];
    },
  },
  MODEL_NAME_SUSPICIOUS: {
    summary: (d) => say('MODEL_NAME_SUSPICIOUS', { model: str(d.model), at: at(d), suggestion: str(d.suggestion) }),
    steps: (d) => [
      say('MODEL_NAME_SUSPICIOUS.case', { models: SECOND_GENERATION.join(', ') }),
      say('MODEL_NAME_SUSPICIOUS.set', { set: setEnv(MODEL_VAR, str(d.suggestion, DEFAULT_MODEL)) }),
      say('MODEL_NAME_SUSPICIOUS.list', { check: checkTitle('models') }),
    ],
  },
} satisfies Record<string, Remedy>;
