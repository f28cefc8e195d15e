import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { PhaseResult, PhaseSpec, WorkerMessage } from './load-protocol';

/** The load generator process (bench/load-worker.ts under tsx): one per bench run, phases in turn. */
export type LoadGenerator = { pid: number; run: (spec: PhaseSpec) => Promise<PhaseResult>; stop: () => void };

export function startLoadGenerator(): LoadGenerator {
  const child: ChildProcess = fork(path.resolve('bench/load-worker.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    pid: child.pid ?? 0,
    run: (spec) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) =>
          reject(new Error(`the load generator exited (${code}) during ${spec.name}`));
        child.once('exit', onExit);
        child.once('message', (message: WorkerMessage) => {
          child.off('exit', onExit);
          if (message.kind === 'result') resolve(message.result);
          else reject(new Error(`load generator: ${message.message}`));
        });
        child.send(spec);
      }),
    stop: () => {
      if (child.connected) child.disconnect();
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
