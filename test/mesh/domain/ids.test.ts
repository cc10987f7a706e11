import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { idForRequest } from '../../../src/mesh/domain/ids';

describe('idForRequest', () => {
  it('gives the same ULID for the same key and time, at that time, and another for any other key or time', () => {
    const at = Date.UTC(2026, 11, 2, 12, 0, 0);
    const id = idForRequest('slash-command|T0SANDBOX|U0CONSUMER|request telco|1796212800000', at);

    expect(isValid(id)).toBe(true);
    expect(decodeTime(id)).toBe(at);
    expect(idForRequest('slash-command|T0SANDBOX|U0CONSUMER|request telco|1796212800000', at)).toBe(id);
    expect(idForRequest('slash-command|T0SANDBOX|U0CONSUMER|request telco!|1796212800000', at)).not.toBe(id);
    expect(idForRequest('slash-command|T0SANDBOX|U0CONSUMER|request telco|1796212800000', at + 1)).not.toBe(id);
  });
});
