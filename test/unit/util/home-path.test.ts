import { describe, expect, it } from 'vitest';
import { belowHome } from '../../../src/util/home-path.js';

describe('belowHome', () => {
  it('POSIX: exact case, a whole folder name', () => {
    expect(belowHome('/home/anna/certs/ca.pem', '/home/anna')).toBe('/certs/ca.pem');
    expect(belowHome('/home/anna', '/home/anna/')).toBe('');
    expect(belowHome('/home/annabel/ca.pem', '/home/anna')).toBeNull();
    expect(belowHome('/home/Anna/ca.pem', '/home/anna')).toBeNull();
    expect(belowHome('/etc/ca.pem', '/')).toBeNull();
  });

  it('Windows: any case, either slash, the rest as written', () => {
    expect(belowHome('c:\\users\\anna\\certs\\ca.pem', 'C:\\Users\\Anna')).toBe('\\certs\\ca.pem');
    expect(belowHome('C:/Users/Anna/ca.pem', 'C:\\Users\\Anna\\')).toBe('/ca.pem');
    expect(belowHome('C:\\Users\\Annabel\\ca.pem', 'C:\\Users\\Anna')).toBeNull();
    expect(belowHome('D:\\Users\\Anna\\ca.pem', 'C:\\Users\\Anna')).toBeNull();
  });
});
