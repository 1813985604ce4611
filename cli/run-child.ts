import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * Runs a program with this process's terminal, passing SIGINT and SIGTERM on so that stopping
 * Gatehouse stops it too; resolves to its exit code (128 + signal number when a signal ended it).
 */
export function runChild(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => {
      if (child.exitCode === null) child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = () => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
    };
    child.on('error', (e) => {
      done();
      reject(new Error(`Cannot run ${command}: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
