/** The browser's processes and their CPU time, from CDP (SystemInfo.getProcessInfo). */
import type {CDPSession} from 'playwright-core';

/** One process: its kind ('browser', 'renderer', 'GPU', a utility's service name), pid, CPU. */
export interface ProcessInfo {
  type: string;
  id: number;
  /** CPU time used since it started, seconds. */
  cpuTime: number;
}

/** Every process of the browser `browserCdp` is a session of. */
export async function listProcesses(browserCdp: CDPSession): Promise<ProcessInfo[]> {
  const {processInfo} = (await browserCdp.send('SystemInfo.getProcessInfo' as never)) as {
    processInfo: ProcessInfo[];
  };
  return processInfo;
}

/** CPU time in ms: of the renderers (the page and its workers), of the GPU process, of all. */
export interface CpuMs {
  renderer: number;
  gpu: number;
  total: number;
}

/** The browser's CPU time so far, by kind of process; null where CDP cannot tell. */
export async function browserCpu(browserCdp: CDPSession): Promise<CpuMs | null> {
  const processes = await listProcesses(browserCdp).catch(() => null);
  if (!processes?.length) return null;
  const sum = (keep: (p: ProcessInfo) => boolean) =>
    processes.filter(keep).reduce((s, p) => s + p.cpuTime * 1000, 0);
  return {
    renderer: sum((p) => p.type === 'renderer'),
    gpu: sum((p) => p.type === 'GPU'),
    total: sum(() => true),
  };
}

/** CPU used between two samples (null when either is missing). */
export function cpuBetween(before: CpuMs | null, after: CpuMs | null): CpuMs | null {
  if (!before || !after) return null;
  return {
    renderer: after.renderer - before.renderer,
    gpu: after.gpu - before.gpu,
    total: after.total - before.total,
  };
}
