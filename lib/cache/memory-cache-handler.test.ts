import { describe, expect, it } from 'vitest';
import MemoryCacheHandler, { RACE_WINDOW_MS } from './memory-cache-handler.mjs';

const value = (body: string) => ({ kind: 'FETCH', data: { headers: {}, body, status: 200, url: '' }, revalidate: false });

function handlerAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, handler: new MemoryCacheHandler({ isolated: true, now: () => clock.now, maxBytes: 100 }) };
}

describe('the in-memory cache handler', () => {
  it('shares one store between the handlers Next.js creates for each request', async () => {
    const key = `shared-${Math.random()}`;
    await new MemoryCacheHandler().set(key, value('[1]'), { tags: ['public:agreements'] });
    expect((await new MemoryCacheHandler().get(key))?.value).toEqual(value('[1]'));
  });

  it('returns what was stored until a tag of the entry is invalidated', async () => {
    const { clock, handler } = handlerAt();
    await handler.set('list', value('[1]'), { tags: ['public:agreements'] });
    await handler.set('detail', value('{"a":1}'), { tags: ['public:agreement:a'] });
    expect((await handler.get('list'))?.value).toEqual(value('[1]'));
    clock.now += 10_000;
    await handler.revalidateTag(['public:agreements']);
    expect(await handler.get('list')).toBeNull();
    expect((await handler.get('detail'))?.value).toEqual(value('{"a":1}'));
  });

  it('distrusts an entry stored just after its tag was invalidated, since it may hold data read before the write', async () => {
    const { clock, handler } = handlerAt();
    await handler.revalidateTag('public:agreements');
    clock.now += RACE_WINDOW_MS - 1;
    await handler.set('list', value('[old]'), { tags: ['public:agreements'] });
    expect(await handler.get('list')).toBeNull();
    clock.now += RACE_WINDOW_MS;
    await handler.set('list', value('[new]'), { tags: ['public:agreements'] });
    expect((await handler.get('list'))?.value).toEqual(value('[new]'));
  });

  it('evicts the least recently used entries beyond its size limit', async () => {
    const { handler } = handlerAt();
    await handler.set('a', value('x'.repeat(40)), { tags: [] });
    await handler.set('b', value('y'.repeat(40)), { tags: [] });
    await handler.get('a');
    await handler.set('c', value('z'.repeat(40)), { tags: [] });
    expect(await handler.get('b')).toBeNull();
    expect(await handler.get('a')).not.toBeNull();
    expect(await handler.get('c')).not.toBeNull();
  });
});
