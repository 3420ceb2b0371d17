import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

/*
 * Deletes and patches by query, as the Studio's Presentation tool clears expired preview secrets
 * (`client.delete({query})`): one mutation per document the query finds, in one transaction.
 */
describe('mutations by query', () => {
  let lake: TestLake;
  beforeAll(async () => {
    lake = await startTestLake();
  });
  afterAll(() => lake.stop());

  it('deletes every document the query finds, and only those', async () => {
    await lake.client
      .transaction()
      .create({ _id: 'secret-old', _type: 'sanity.previewUrlSecret', secret: 'a', expired: true })
      .create({ _id: 'secret-new', _type: 'sanity.previewUrlSecret', secret: 'b', expired: false })
      .commit();
    const answer = await lake.client.delete({ query: '*[_type == "sanity.previewUrlSecret" && expired == $expired]', params: { expired: true } });
    expect(answer.results).toEqual([{ id: 'secret-old', operation: 'delete' }]);
    expect(lake.store.get('secret-old')).toBeUndefined();
    expect(lake.store.get('secret-new')).toMatchObject({ secret: 'b' });
  });

  it('patches every document the query finds', async () => {
    await lake.client.patch({ query: '*[_type == "sanity.previewUrlSecret"]' }).set({ seen: true }).commit();
    expect(lake.store.get('secret-new')).toMatchObject({ seen: true });
  });
});
