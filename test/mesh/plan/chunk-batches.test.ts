import { describe, expect, it } from 'vitest';
import { chunkBatches } from '../../../src/mesh/plan/chunk-batches';

describe('chunkBatches', () => {
  it.each([
    [0, []],
    [1, [1]],
    [20, [20]],
    [21, [20, 1]],
    [41, [20, 20, 1]],
    [100, [20, 20, 20, 20, 20]],
  ])('%i entries → batches of %j', (count, sizes) => {
    const entries = Array.from({ length: count }, (_, i) => i);

    const batches = chunkBatches(entries);

    expect(batches.map((batch) => batch.length)).toEqual(sizes);
    expect(batches.flat()).toEqual(entries);
  });

  it('takes a smaller size', () => {
    expect(chunkBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it.each([0, 21, 1.5, Number.NaN])('refuses a batch size of %d', (size) => {
    expect(() => chunkBatches([1], size)).toThrow(RangeError);
  });
});
