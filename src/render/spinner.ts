import ora from 'ora';

export interface Spinner {
  /** The step in flight. */
  say(text: string): void;
  /** Writes around the spinner: it is cleared first and drawn again after. */
  around(write: () => void): void;
  stop(): void;
}

/** An ora spinner on `stream`. */
export function startOra(stream: NodeJS.WriteStream, text: string, unicode: boolean): Spinner {
  const plain = (t: string) => (unicode ? t : t.replace('…', '...'));
  const spinner = ora({ text: plain(text), stream, color: 'cyan', spinner: unicode ? 'dots' : 'line', isEnabled: true }).start();
  return {
    say: (t) => {
      spinner.text = plain(t);
    },
    around: (write) => {
      spinner.clear();
      write();
      spinner.render();
    },
    stop: () => spinner.stop(),
  };
}
