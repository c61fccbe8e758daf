/**
 * Where a remedy's sentence holds a command a person copies: `export NAME='…'`, `$env:NAME = "…"`,
 * `set "NAME=…"`, `gigadoctor --only tls`, `sudo update-ca-certificates`. The catalogue writes its
 * commands into sentences (a report's remediation is text), so the human renderer finds them again
 * by their shape, to never break a line inside one.
 */

/** [start, end) of a command in the text. */
export type Span = [number, number];

/** A value as a POSIX, PowerShell or cmd word: quoted parts, escapes and bare characters, up to a blank. */
const WORD = String.raw`(?:'[^']*'|"[^"]*"|\\.|[^\s'"\\])+`;
const NAME = '[A-Za-z_][A-Za-z0-9_]*';

/** Commands of a fixed shape (setting and removing variables): they end where the shape does. */
const SHAPED = [
  new RegExp(`export ${NAME}=${WORD}`, 'y'),
  new RegExp(`unset ${NAME}`, 'y'),
  new RegExp(`\\$env:${NAME} = (?:"(?:[^"\`]|\`.)*"|'(?:[^']|'')*')`, 'y'),
  new RegExp(`Remove-Item Env:${NAME}`, 'y'),
  /set "[^"]*"/y,
  new RegExp(`set ${NAME}=${WORD}`, 'y'),
  new RegExp(`setx ${NAME} ${WORD}`, 'y'),
];

/** Programs whose names are no word of a sentence: a command wherever one starts. */
const PROGRAM =
  /(?:sudo|openssl|nslookup|certutil|w32tm|Test-NetConnection|Get-ChildItem|Get-Item|Get-Content|Get-PfxCertificate|powershell|pwsh|printf|nc|curl|npx|wsl|COPY|RUN|ENV)(?= )|\[[\w.]+\]::/y;
/** Programs whose names a sentence may use too: a command only where one is introduced (after `: `, a dash, `(`, `; `). */
const PROGRAM_INTRODUCED = /(?:gigadoctor|node|npm|git|echo|ls|dir|date|cat|python3?|pip|docker|base64|env(?= \|)|set(?= \|))(?= |\)|$)/y;
const INTRODUCED = /(?:: |[—–] |\(|; )$/;

/**
 * What follows a blank when the sentence goes on: a dash, a joining word, a Russian word, or
 * four plain lower-case words in a row (arguments are rarely plain words, prose is).
 */
const SENTENCE = /(?:[—–]|or|and|then)(?= |$)|\p{Script=Cyrillic}|(?:[a-z]+[,.;:]? ){3}[a-z]+[,.;:]?(?= |$)/uy;
const PLACEHOLDER = /<[^<>\s][^<>]*>/y;

const SGR = /\u001b\[[0-9;]*m/y;

/** The commands in `text`, in order; colour codes in the text are allowed and ignored. */
export function commandSpans(text: string): Span[] {
  // Found in the text without colour, then mapped back: a code is never part of a command's shape.
  const origin: number[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    SGR.lastIndex = i;
    const code = SGR.exec(text);
    if (code) {
      i += code[0].length;
      continue;
    }
    origin.push(i);
    plain += text[i];
    i++;
  }
  const at = (p: number) => (p < origin.length ? origin[p] : text.length);
  return plainSpans(plain).map(([s, e]) => [at(s), at(e - 1) + 1]);
}

function plainSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && !/[\s(]/.test(text[i - 1])) continue;
    const end = commandAt(text, i);
    if (end > i) {
      spans.push([i, end]);
      i = end;
    }
  }
  return spans;
}

/** The end of the command that starts at `i`, or `i` when none does. */
function commandAt(text: string, i: number): number {
  for (const shape of SHAPED) {
    shape.lastIndex = i;
    const m = shape.exec(text);
    if (m) return i + m[0].replace(/[.,;:)]+$/, '').length;
  }
  const introduced = i === 0 || INTRODUCED.test(text.slice(Math.max(0, i - 2), i));
  for (const program of introduced ? [PROGRAM, PROGRAM_INTRODUCED] : [PROGRAM]) {
    program.lastIndex = i;
    if (!program.test(text)) continue;
    const name = program.lastIndex;
    const end = argumentsEnd(text, name);
    // A name the sentence goes on from ("gigadoctor sends all three") is the sentence's subject.
    return end === name && text[end] === ' ' ? i : end;
  }
  return i;
}

/**
 * Where a program's arguments end: outside quotes and brackets, at `; `, `, `, `. `, a closing
 * bracket the command did not open, ` (`, a dash, a joining word, a Russian word, or a run of
 * plain words (the sentence going on).
 */
function argumentsEnd(text: string, from: number): number {
  let depth = 0;
  let p = from;
  while (p < text.length) {
    const ch = text[p];
    if (ch === '\\') {
      p += 2;
      continue;
    }
    if ((ch === "'" || ch === '"') && !/[\p{L}\p{N}]/u.test(text[p - 1] ?? '')) {
      const close = text.indexOf(ch, p + 1);
      if (close > 0) {
        p = close + 1;
        continue;
      }
    }
    PLACEHOLDER.lastIndex = p;
    if (ch === '<' && PLACEHOLDER.test(text)) {
      p = PLACEHOLDER.lastIndex;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      if (ch === '(' && depth === 0 && text[p - 1] === ' ') return p - 1;
      depth++;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      if (depth === 0) return p;
      depth--;
    } else if (depth === 0) {
      if (';,.'.includes(ch) && (p + 1 === text.length || text[p + 1] === ' ')) return p;
      SENTENCE.lastIndex = p + 1;
      if (ch === ' ' && SENTENCE.test(text)) return p;
    }
    p++;
  }
  return p;
}
