import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installSignalHandlers } from '../../../runtime/index.js';
import { delay, manifest, recordingPlugin, testKernel } from './support.js';

describe('graceful shutdown', () => {
  it('stops accepting, lets in-flight work finish, then destroys plugins, and exits 0 on SIGTERM', async () => {
    const calls: string[] = [];
    const { kernel } = testKernel();
    kernel.register({ manifest: manifest('com.acme.api'), module: recordingPlugin(calls, 'api') });
    await kernel.start();
    kernel.onStopAccepting(() => void calls.push('stop-accepting'));
    const request = kernel.trackInFlight(delay(60).then(() => calls.push('request-done')));
    const endWork = kernel.beginWork();
    setTimeout(() => {
      calls.push('work-done');
      endWork();
    }, 30);

    const signals = new EventEmitter();
    const exits: number[] = [];
    installSignalHandlers(kernel, { target: signals, exit: (code) => exits.push(code) });
    signals.emit('SIGTERM');
    expect(kernel.ready).toBe(false);
    await request;
    await kernel.stop();

    expect(calls).toEqual(['init:api', 'start:api', 'stop-accepting', 'work-done', 'request-done', 'destroy:api']);
    expect(exits).toEqual([0]);
    expect(kernel.state).toBe('stopped');
  });

  it('handles a real OS signal delivered to the process', async () => {
    // SIGUSR2 rather than SIGTERM: the handler wiring is the same, and the test runner's own SIGTERM handling stays out of it.
    const calls: string[] = [];
    const { kernel } = testKernel();
    kernel.register({ manifest: manifest('com.acme.api'), module: recordingPlugin(calls, 'api') });
    await kernel.start();
    const exited = new Promise<number>((resolve) => {
      const uninstall = installSignalHandlers(kernel, {
        signals: ['SIGUSR2'],
        exit: (code) => {
          uninstall();
          resolve(code);
        },
      });
    });
    process.kill(process.pid, 'SIGUSR2');
    expect(await exited).toBe(0);
    expect(calls.at(-1)).toBe('destroy:api');
    expect(process.listenerCount('SIGUSR2')).toBe(0);
  });

  it('forces exit on a second signal while in-flight work is still running', async () => {
    const { kernel } = testKernel({ shutdownTimeoutMs: 5_000 });
    kernel.register({ manifest: manifest('com.acme.api'), module: { init() {} } });
    await kernel.start();
    void kernel.trackInFlight(delay(300));

    const signals = new EventEmitter();
    const exits: number[] = [];
    const uninstall = installSignalHandlers(kernel, { target: signals, exit: (code) => exits.push(code) });
    signals.emit('SIGINT');
    await delay(10);
    expect(kernel.state).toBe('stopping');
    signals.emit('SIGINT');
    expect(exits).toEqual([1]);
    uninstall();
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });

  it('bounds the wait for in-flight work and says so', async () => {
    const calls: string[] = [];
    const { kernel, logs } = testKernel({ shutdownTimeoutMs: 40 });
    kernel.register({ manifest: manifest('com.acme.api'), module: recordingPlugin(calls, 'api') });
    await kernel.start();
    void kernel.trackInFlight(delay(2_000));
    const started = performance.now();
    await kernel.stop();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(calls.at(-1)).toBe('destroy:api');
    expect(logs.find((l) => l.code === 'OS7015')?.msg).toBe(
      'Shutdown waited 40 ms; 1 in-flight operation(s) still running, destroying plugins anyway',
    );
  });

  it('tracks in-flight work started by a plugin through its context', async () => {
    const calls: string[] = [];
    const { kernel } = testKernel();
    kernel.register({
      manifest: manifest('com.acme.jobs'),
      module: recordingPlugin(calls, 'jobs', {
        start: (ctx) => void ctx.trackInFlight(delay(40).then(() => calls.push('job-finished'))),
      }),
    });
    await kernel.start();
    expect(kernel.inFlightCount).toBe(1);
    await kernel.stop();
    expect(calls.slice(-2)).toEqual(['job-finished', 'destroy:jobs']);
  });

  it('isolates a plugin whose destroy throws: the others are still destroyed', async () => {
    const calls: string[] = [];
    const { kernel } = testKernel();
    kernel
      .register({ manifest: manifest('com.acme.a'), module: recordingPlugin(calls, 'a') })
      .register({
        manifest: manifest('com.acme.b'),
        module: recordingPlugin(calls, 'b', {
          destroy: () => {
            throw new Error('socket already closed');
          },
        }),
      });
    await kernel.start();
    await kernel.stop();
    expect(calls.slice(-2)).toEqual(['destroy:b', 'destroy:a']);
    expect(kernel.errorCount('com.acme.b')).toBe(1);
  });
});
