/**
 * Text that fits the terminal: lines broken between words, each continuation under the first
 * character of the text it continues, commands kept whole so they can be copied.
 */
import { commandSpans } from './command-spans.js';

const SGR = /\u001b\[[0-9;]*m/g;
/** Zero-width: combining marks, format characters (ZWJ, BOM). */
const ZERO_WIDTH = /[\p{M}\p{Cf}]/u;
/** Two columns: CJK, Hangul, full-width forms, emoji. A hand-made table: string-width's costs ~40 ms to load. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Emoji_Presentation}/u;
/** Below this many columns for the text, indentation would leave a word per line: lines run over instead. */
const MIN_ROOM = 20;

/** The columns `text` takes on a terminal; colour codes take none. */
export function columnsOf(text: string): number {
  let n = 0;
  for (const ch of text.replace(SGR, '')) n += ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return n;
}

/**
 * `lead` then `body` (painted line by line), in lines of at most `width` columns: every line
 * after the first starts under the body's first character. A word, or a command, longer than the
 * room left stays whole on a line of its own; a command that does not fit where it falls starts
 * a line and has it to itself. Without a width: one line, as written.
 */
export function hanging(lead: string, body: string, width: number | undefined, paint: (s: string) => string = (s) => s): string {
  if (!width) return lead + paint(body);
  const hang = ' '.repeat(columnsOf(lead));
  const room = Math.max(width - hang.length, MIN_ROOM);
  const lines = body.split('\n').flatMap((paragraph) => fill(paragraph, room));
  return lines.map((line, i) => (i === 0 ? lead : hang) + paint(line)).join('\n');
}

interface Unit {
  text: string;
  columns: number;
  command: boolean;
}

/** The text's words, with every command one word whatever blanks it holds. */
function unitsOf(text: string): Unit[] {
  const spans = commandSpans(text);
  const units: Unit[] = [];
  let start = 0;
  let next = 0; // the first span not yet behind us
  let command = false;
  for (let i = 0; i <= text.length; i++) {
    while (next < spans.length && spans[next][1] <= i) next++;
    const inCommand = next < spans.length && spans[next][0] <= i;
    command ||= inCommand;
    if (i < text.length && (text[i] !== ' ' || inCommand)) continue;
    const piece = text.slice(start, i);
    if (piece) units.push({ text: piece, columns: columnsOf(piece), command });
    start = i + 1;
    command = false;
  }
  return units;
}

/** Greedy filling, `room` columns a line. */
function fill(text: string, room: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  let closed = false;
  const breakLine = () => {
    lines.push(line.join(' '));
    line = [];
    used = 0;
    closed = false;
  };
  for (const unit of unitsOf(text)) {
    const fits = line.length === 0 || used + 1 + unit.columns <= room;
    if (line.length > 0 && (!fits || closed)) breakLine();
    line.push(unit.text);
    used += (line.length > 1 ? 1 : 0) + unit.columns;
    // A command that had to move, or that overflows, gets its line to itself.
    if (unit.command && (!fits || unit.columns > room)) closed = true;
  }
  lines.push(line.join(' '));
  return lines;
}
