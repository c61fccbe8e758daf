import ora from 'ora';

export interface Spinner {
  stop(): void;
}

/** An ora spinner on `stream`. */
export function startOra(stream: NodeJS.WriteStream, text: string, unicode: boolean): Spinner {
  return ora({
    text: unicode ? text : text.replace('…', '...'),
    stream,
    color: 'cyan',
    spinner: unicode ? 'dots' : 'line',
    isEnabled: true,
  }).start();
}
