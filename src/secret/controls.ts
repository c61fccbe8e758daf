/**
 * The one control-character policy. Values we print come from the user's environment, .env
 * files and servers: an ESC sequence printed raw can clear the screen, move the cursor, retitle
 * the terminal, hide text or forge a line of the report; a bidi override can reorder what is
 * read; a zero-width character can hide itself. Every such character is shown, never obeyed.
 *
 * One set of characters and one visible form for both places it applies:
 * - a value (a string of the Report, an echoed flag): every unsafe character, line breaks and
 *   tabs included, since a value is one line (`sanitizeText`);
 * - the text at the output boundary (`neutralizeControls`): the same, except the line feeds and
 *   tabs that lay the text out and the few colours the human renderer writes.
 * The visible form is the Unicode control picture for C0 and DEL (`␛[2J`, `␍`, `␊`), `[U+202E]`
 * for the rest: plain text in every output format, and no escape in any of them (a `\u202E` in a
 * JSON document would hand the character itself to whoever parses it).
 */

/** C0 and C1 controls, DEL, bidi controls, zero-width and invisible formatting characters, line/paragraph separators, lone surrogates. */
const UNSAFE_CLASS = String.raw`[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
const UNSAFE = new RegExp(UNSAFE_CLASS, 'g');

/**
 * Kept at the output boundary: a line feed and a tab (layout), and a one-parameter SGR sequence of
 * the kinds the human renderer writes (reset, bold, dim, italic, underline, a foreground colour
 * but black), none of which can hide text: conceal, reverse, blink, black and backgrounds are not among them.
 */
const LAYOUT = /^(?:\n|\t|\x1b\[(?:0|1|2|3|4|22|23|24|3[1-7]|39|9[0-7])m)/;
const UNSAFE_OR_SGR = new RegExp(String.raw`\x1b\[(?:0|1|2|3|4|22|23|24|3[1-7]|39|9[0-7])m|${UNSAFE_CLASS}`, 'g');

/** The visible stand-in of one unsafe character. */
export function visibleForm(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** A value with every unsafe character, line breaks and tabs included, shown as an escape. */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, visibleForm);
}

/** Does the value hold a character `sanitizeText` would rewrite? */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * The last line of defence at the output boundary: the same characters as `sanitizeText`, but
 * line feeds, tabs and the human renderer's own colours stay, so the layout is kept.
 */
export function neutralizeControls(text: string): string {
  return text.replace(UNSAFE_OR_SGR, (found) => (LAYOUT.test(found) ? found : visibleForm(found)));
}
