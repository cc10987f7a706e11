import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestion } from '../../../src/bot/commands/did-you-mean';

const COMMANDS = ['help', 'publish', 'products', 'product', 'request', 'pending', 'subscriptions', 'subscription', 'admin'];

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['request', 'request', 0],
    ['reqest', 'request', 1],
    ['rqeuest', 'request', 1],
    ['kitten', 'sitting', 3],
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('didYouMean', () => {
  it.each<[string, string[]]>([
    ['reqest', ['request']],
    ['PUBLISH', ['publish']],
    ['pendng', ['pending']],
    ['subscriptoins', ['subscriptions', 'subscription']],
    ['prod', ['products', 'product']],
    ['sub', ['subscriptions', 'subscription']],
    ['xyz', []],
    ['', []],
    ['a'.repeat(41), []],
  ])('%j → %j', (word, expected) => {
    expect(didYouMean(word, COMMANDS)).toEqual(expected);
  });

  it('says nothing when nothing is close, and lists ties with "or"', () => {
    expect(suggestion('zzz', COMMANDS)).toBe('');
    expect(suggestion('reqest', COMMANDS)).toBe(' Did you mean `request`?');
    expect(suggestion('prod', COMMANDS)).toBe(' Did you mean `products` or `product`?');
    expect(suggestion('de', ['de1', 'de2', 'de3'])).toBe(' Did you mean `de1`, `de2` or `de3`?');
  });
});
