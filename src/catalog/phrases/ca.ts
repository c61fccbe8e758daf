// The words of `gigadoctor ca` (the PEM bundle's own comments stay English: they travel with the file).
import type { Lang } from '../types.js';
import { inLanguage } from './format.js';

export interface CaWords {
  /** A bundled certificate failed its pinned fingerprint. */
  mismatch: (name: string, page: string) => string;
  notAFile: (path: string, reason: string) => string;
  unchanged: (path: string) => string;
  exists: (path: string) => string;
  /** Written: the path, the fingerprint lines, and the variables that point at it. */
  wrote: (path: string, fingerprints: string) => string;
}

const en: CaWords = {
  mismatch: (name, page) => `gigadoctor ca: the bundled "${name}" does not match its pinned SHA-256 and will not be written. Download the certificates from ${page}\n`,
  notAFile: (path, reason) => `gigadoctor ca: ${path}: ${reason}; give the path of a regular file\n`,
  unchanged: (path) => `${path} already holds these certificates; left unchanged\n`,
  exists: (path) => `gigadoctor ca: ${path} exists and differs; not overwriting it. Choose another name or remove the file yourself\n`,
  wrote: (path, fps) => `Wrote ${path}:\n${fps}\nNode: NODE_EXTRA_CA_CERTS=${path} (set before node starts); Python SDK: GIGACHAT_CA_BUNDLE_FILE=${path}\n`,
};

const ru: CaWords = {
  mismatch: (name, page) =>
    `gigadoctor ca: встроенный сертификат «${name}» не совпал со своим отпечатком SHA-256 — он не будет выдан. Скачайте сертификаты с ${page}\n`,
  notAFile: (path, reason) => `gigadoctor ca: ${path}: ${reason} — укажите путь к обычному файлу\n`,
  unchanged: (path) => `${path} уже содержит эти сертификаты — не изменён\n`,
  exists: (path) => `gigadoctor ca: ${path} уже существует и отличается — не перезаписываю. Укажите другое имя или удалите файл сами\n`,
  wrote: (path, fps) => `Записано в ${path}:\n${fps}\nNode: NODE_EXTRA_CA_CERTS=${path} (задать до запуска node); Python SDK: GIGACHAT_CA_BUNDLE_FILE=${path}\n`,
};

export function caWords(lang: Lang): CaWords {
  return inLanguage(lang, { en, ru });
}
