import { describe, expect, it } from 'vitest';
import { planLocations } from '../../../../src/mesh/service/products/source-locations';

const tables = (entries: Record<string, string | undefined>) => new Map(Object.entries(entries));

describe('planLocations', () => {
  it('registers the database location once for every table under it', () => {
    const plan = planLocations(tables({ a: 's3://lake/telco/a/', b: 's3://lake/telco/b' }), 's3://lake/telco/', []);
    expect(plan).toEqual({ locations: ['arn:aws:s3:::lake/telco'], toRegister: ['arn:aws:s3:::lake/telco'], notS3: [] });
  });

  it('registers a table outside its database location at its own location', () => {
    const plan = planLocations(tables({ a: 's3://lake/telco/a/', elsewhere: 's3://archive/2019/' }), 's3://lake/telco/', []);
    expect(plan.toRegister).toEqual(['arn:aws:s3:::archive/2019', 'arn:aws:s3:::lake/telco']);
  });

  it('reuses a registration that covers a table, naming it by that registration, a whole path segment at a time', () => {
    const plan = planLocations(tables({ a: 's3://lake/telco/a/', b: 's3://lake/telcom/b/' }), undefined, ['arn:aws:s3:::lake/telco']);
    expect(plan).toEqual({ locations: ['arn:aws:s3:::lake/telco', 'arn:aws:s3:::lake/telcom/b'], toRegister: ['arn:aws:s3:::lake/telcom/b'], notS3: [] });
  });

  it('leaves out tables whose location is not an s3:// URI, naming them', () => {
    const plan = planLocations(tables({ local: 'file:///tmp/x', none: undefined, ok: 's3://lake/x/' }), undefined, []);
    expect(plan).toEqual({ locations: ['arn:aws:s3:::lake/x'], toRegister: ['arn:aws:s3:::lake/x'], notS3: ['local', 'none'] });
  });
});
