import {describe, expect, it} from 'vitest';
import {ChunkReader, InsertPipeline, type ChunkAt} from './pipeline';

/** A promise and its resolve and reject, to answer by hand. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return {promise, resolve, reject};
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ChunkReader', () => {
  /** Files of 2, 1 and 3 chunks; `known`: the files opened so far (their counts known). */
  function reader(known = [0, 1, 2], broken = false) {
    const counts = [2, 1, 3];
    const reads: string[] = [];
    const r = new ChunkReader<string>(
      counts.length,
      (file) => (known.includes(file) ? counts[file] : undefined),
      async ({file, chunk}: ChunkAt) => {
        reads.push(`${file}:${chunk}`);
        if (broken && file === 1) throw new Error('unreadable');
        return `chunk ${file}:${chunk}`;
      },
    );
    return {r, reads};
  }

  it('asks ahead in load order across files, and reads each chunk once', async () => {
    const {r, reads} = reader();
    r.ahead({file: 0, chunk: 0}, 3);
    expect(reads).toEqual(['0:1', '1:0', '2:0']);
    // Taken at once, as the loader does when nothing else is waited for in between.
    const taken = r.take({file: 0, chunk: 1});
    r.ahead({file: 0, chunk: 1}, 3);
    expect(await taken).toBe('chunk 0:1');
    expect(reads).toEqual(['0:1', '1:0', '2:0', '2:1']);
    expect(await r.take({file: 1, chunk: 0})).toBe('chunk 1:0');
    expect(await r.take({file: 2, chunk: 2})).toBe('chunk 2:2');
    expect(reads).toEqual(['0:1', '1:0', '2:0', '2:1', '2:2']);
  });

  it('stops at the last chunk, and past a first chunk at a file not opened yet', async () => {
    const {r, reads} = reader();
    r.ahead({file: 2, chunk: 1}, 5);
    expect(reads).toEqual(['2:2']);
    const opening = reader([0]);
    opening.r.ahead({file: 0, chunk: 0}, 5);
    expect(opening.reads).toEqual(['0:1', '1:0']);
  });

  it("gives a chunk's error when the load takes it", async () => {
    const {r} = reader([0, 1, 2], true);
    r.ahead({file: 0, chunk: 1}, 1);
    await expect(r.take({file: 1, chunk: 0})).rejects.toThrow('unreadable');
  });

  it('forgets the chunks of a file the load stopped reading', async () => {
    const {r, reads} = reader();
    r.ahead({file: 1, chunk: 0}, 2);
    r.drop(2);
    await r.take({file: 2, chunk: 0});
    expect(reads).toEqual(['2:0', '2:1', '2:0']);
  });
});

describe('InsertPipeline', () => {
  it('posts up to its limit before waiting for the first answer', async () => {
    const answers = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const pipeline = new InsertPipeline(2, () => undefined);
    const posting = (async () => {
      for (const [i, a] of answers.entries()) {
        await pipeline.post('f.parquet', () => (started.push(i), a.promise));
      }
    })();
    await flush();
    // The third is posted, then the pipeline waits: three unanswered is one over the limit.
    expect(started).toEqual([0, 1, 2]);
    answers[0].resolve();
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const a of answers.slice(1)) a.resolve();
    await posting;
    await pipeline.settle();
  });

  it('reports a failed insert against its own file, and settles every one', async () => {
    const reported: string[] = [];
    const pipeline = new InsertPipeline(3, (file, err) => reported.push(`${file}: ${(err as Error).message}`));
    const answers = [deferred(), deferred(), deferred()];
    await pipeline.post('a.parquet', () => answers[0].promise);
    await pipeline.post('b.parquet', () => answers[1].promise);
    await pipeline.post('c.parquet', () => answers[2].promise);
    let last = false;
    void pipeline.last.then(() => (last = true));
    answers[1].reject(new Error('out of memory'));
    answers[0].resolve();
    await flush();
    expect(last).toBe(false);
    answers[2].resolve();
    await pipeline.settle();
    expect(last).toBe(true);
    expect(reported).toEqual(['b.parquet: out of memory']);
  });

  it('posts nothing after a failure, and reports the same failure of a file once', async () => {
    const reported: string[] = [];
    const pipeline = new InsertPipeline(3, (file, err) => reported.push(`${file}: ${(err as Error).message}`));
    const fail = () => Promise.reject(new Error('Out of Memory'));
    await pipeline.post('a.parquet', fail);
    await pipeline.post('a.parquet', fail);
    await flush();
    expect(pipeline.failed).toBe(true);
    let started = false;
    await pipeline.post('b.parquet', async () => void (started = true));
    expect(started).toBe(false);
    await pipeline.settle();
    expect(reported).toEqual(['a.parquet: Out of Memory']);
  });
});
