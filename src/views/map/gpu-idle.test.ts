import {expect, test} from 'vitest';
import {fakeClock} from './fake-clock.test-helper';
import {afterGpuWork, type FenceContext, POLL_MS} from './gpu-idle';

/** A fake context whose one fence is signalled when the test says so, and a fake clock. */
function fakes() {
  const state = {signalled: false, lost: false, fences: 0, deleted: 0, flushed: 0};
  const fence = {} as WebGLSync;
  const gl: FenceContext = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    UNSIGNALED: 0x9118,
    fenceSync: () => (state.fences++, fence),
    flush: () => void state.flushed++,
    getSyncParameter: (s, p) => {
      if (state.lost) return null;
      return s === fence && p === 0x9114 && state.signalled ? 0x9119 : 0x9118;
    },
    deleteSync: (s) => void (s === fence && state.deleted++),
  };
  const {clock, timers, advance} = fakeClock();
  return {gl, state, timers: clock, advance, pending: timers};
}

test('runs only once the fence is signalled, then deletes it', () => {
  const f = fakes();
  let calls = 0;
  afterGpuWork(f.gl, () => calls++, f.timers);
  expect(f.state).toMatchObject({fences: 1, flushed: 1});
  f.advance(POLL_MS * 10);
  expect(calls).toBe(0);
  f.state.signalled = true;
  f.advance(POLL_MS);
  expect(calls).toBe(1);
  expect(f.state.deleted).toBe(1);
  f.advance(POLL_MS * 10);
  expect(calls).toBe(1);
  expect(f.pending.size).toBe(0);
});

test('a cancel stops the polling and deletes the fence; a late cancel does nothing', () => {
  const f = fakes();
  let calls = 0;
  const cancel = afterGpuWork(f.gl, () => calls++, f.timers);
  f.advance(POLL_MS * 3);
  cancel();
  f.state.signalled = true;
  f.advance(POLL_MS * 10);
  expect(calls).toBe(0);
  expect(f.state.deleted).toBe(1);
  expect(f.pending.size).toBe(0);

  const g = fakes();
  const late = afterGpuWork(g.gl, () => calls++, g.timers);
  g.state.signalled = true;
  g.advance(POLL_MS);
  late();
  expect(calls).toBe(1);
  expect(g.state.deleted).toBe(1);
});

test('without a WebGL 2 context it runs on the next timer', () => {
  const f = fakes();
  let calls = 0;
  afterGpuWork(null, () => calls++, f.timers);
  expect(calls).toBe(0);
  f.advance(0);
  expect(calls).toBe(1);
});

test('a lost context (status null) ends the wait instead of polling for ever', () => {
  const f = fakes();
  let calls = 0;
  afterGpuWork(f.gl, () => calls++, f.timers);
  f.advance(POLL_MS * 2);
  expect(calls).toBe(0);
  f.state.lost = true;
  f.advance(POLL_MS);
  expect(calls).toBe(1);
  expect(f.pending.size).toBe(0);
});
