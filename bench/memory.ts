/** Memory of the page: the main thread's JS heap (CDP) and the renderer process's peak RSS. */
import {readFileSync} from 'node:fs';
import type {CDPSession} from 'playwright-core';
import {listProcesses} from './processes';

/** Bytes per MiB. */
const MIB = 1024 * 1024;

/** The main thread's used JS heap, MiB (CDP Performance.getMetrics JSHeapUsedSize). */
export async function jsHeapMiB(cdp: CDPSession): Promise<number> {
  const {metrics} = (await cdp.send('Performance.getMetrics')) as {
    metrics: {name: string; value: number}[];
  };
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / MIB;
}

/**
 * Peak and current resident memory of the largest renderer process, MiB, from /proc/<pid>/status
 * (VmHWM, VmRSS) of the renderers CDP SystemInfo.getProcessInfo lists. Dedicated workers run in
 * their page's renderer, so this includes DuckDB's and the Parquet decoder's wasm memory. Linux
 * only; null where /proc cannot be read.
 */
export async function rendererMemory(
  browserCdp: CDPSession,
): Promise<{peakMiB: number; rssMiB: number} | null> {
  const processInfo = await listProcesses(browserCdp);
  let found = false;
  let peakMiB = 0;
  let rssMiB = 0;
  for (const {type, id} of processInfo) {
    if (type !== 'renderer') continue;
    const status = read(`/proc/${id}/status`);
    if (status === null) continue;
    found = true;
    const kb = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    peakMiB = Math.max(peakMiB, kb('VmHWM') / 1024);
    rssMiB = Math.max(rssMiB, kb('VmRSS') / 1024);
  }
  return found ? {peakMiB, rssMiB} : null;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
