/** Small builders that keep scenario files readable; each returns plain step data. */
import type { FileStep, NetStep, ProcStep } from '../types.js';

type ProcOptions = Omit<ProcStep, 'kind' | 'label' | 'image' | 'cmd'>;

/** A process start labelled `label`. */
export function proc(label: string, image: string, cmd: string, opts: ProcOptions = {}): ProcStep {
  return { kind: 'proc', label, image, cmd, ...opts };
}

/** A process that already runs (a parent), not logged by the scenario. */
export function running(label: string, image: string, cmd: string, opts: ProcOptions = {}): ProcStep {
  return { kind: 'proc', label, image, cmd, emit: false, after: 0, ...opts };
}

/** A file written by the process labelled `by`. */
export function file(by: string, path: string, after?: number): FileStep {
  return after === undefined ? { kind: 'file', by, path } : { kind: 'file', by, path, after };
}

/** An outbound connection by the process labelled `by`. */
export function net(by: string, ip: string, port: number, hostname?: string, after?: number): NetStep {
  return {
    kind: 'net',
    by,
    ip,
    port,
    ...(hostname === undefined ? {} : { hostname }),
    ...(after === undefined ? {} : { after }),
  };
}
