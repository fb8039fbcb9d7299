/**
 * Waiting for the GPU without blocking the page: a WebGL 2 fence, polled from timers.
 *
 * Reading pixels back (a deck.gl pick) makes the page wait for everything the GPU was asked to do
 * before. Just after the map's first draw that is seconds of shader compiling under software
 * WebGL, so work that reads back is better started once a fence says the GPU has caught up.
 */
import type {Timers} from './frame-throttle';

/** The part of a WebGL 2 context this needs. */
export type FenceContext = Pick<
  WebGL2RenderingContext,
  | 'fenceSync'
  | 'flush'
  | 'getSyncParameter'
  | 'deleteSync'
  | 'SYNC_GPU_COMMANDS_COMPLETE'
  | 'SYNC_STATUS'
  | 'UNSIGNALED'
>;

/** How often the fence is looked at. The WebGL spec has its status change between tasks only. */
export const POLL_MS = 100;

/**
 * Call `fn` once the GPU has done all the work `gl` was given so far (without a context: on the
 * next timer); returns a cancel. Polling a fence's status does not wait for the GPU. A status
 * that is not "unsignaled" also ends the wait: a lost context answers null, and would never
 * signal.
 */
export function afterGpuWork(gl: FenceContext | null, fn: () => void, timers: Timers): () => void {
  const sync = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0) ?? null;
  if (!gl || !sync) {
    const id = timers.setTimeout(fn, 0);
    return () => timers.clearTimeout(id);
  }
  gl.flush();
  let id = 0;
  let done = false;
  const finish = () => {
    done = true;
    gl.deleteSync(sync);
  };
  const poll = () => {
    if (gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.UNSIGNALED) {
      id = timers.setTimeout(poll, POLL_MS);
      return;
    }
    finish();
    fn();
  };
  id = timers.setTimeout(poll, POLL_MS);
  return () => {
    if (done) return;
    timers.clearTimeout(id);
    finish();
  };
}
