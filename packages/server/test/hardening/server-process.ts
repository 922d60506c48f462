import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The server's bin as ONE child process on a free loopback port: `node --import tsx src/bin.ts`
 * (tsx's CLI would run the server in a grandchild that a SIGKILL of the CLI leaves running).
 */
export async function startServerProcess(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/bin.ts', '--port', '0', '--host', '127.0.0.1', ...args],
    {
      cwd: SERVER_DIR,
      env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${out}`));
    });
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    base,
    child,
    output: () => out,
    /** Sends `signal` and waits for the process to be gone. */
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A tRPC call over fetch: the status and the parsed body. */
export async function call(
  base: string,
  key: string,
  path: string,
  input?: unknown,
  mutation = false,
) {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const res = mutation
    ? await fetch(`${base}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) })
    : await fetch(
        `${base}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
        { headers },
      );
  return {
    status: res.status,
    body: (await res.json()) as { result?: { data: unknown }; error?: unknown },
  };
}
