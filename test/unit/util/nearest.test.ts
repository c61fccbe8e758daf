import { describe, expect, it } from 'vitest';
import { nearest } from '../../../src/util/nearest.js';

const MODELS = ['GigaChat-2', 'GigaChat-2-Pro', 'GigaChat-2-Max', 'GigaChat-Pro', 'Embeddings'];

describe('nearest', () => {
  it('a typo or a case slip finds the name', () => {
    expect(nearest('gigachat-2-pro', MODELS)).toBe('GigaChat-2-Pro');
    expect(nearest('GigaChat-2-Mx', MODELS)).toBe('GigaChat-2-Max');
  });
  it('the same words in another order find the name (GigaChat-Pro-2 → GigaChat-2-Pro)', () => {
    expect(nearest('GigaChat-Pro-2', MODELS)).toBe('GigaChat-2-Pro');
    expect(nearest('GigaChat-Max-2', MODELS)).toBe('GigaChat-2-Max');
  });
  it('nothing close is no suggestion', () => {
    expect(nearest('llama-3-70b', MODELS)).toBeNull();
  });
});
