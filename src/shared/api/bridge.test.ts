import { describe, expect, it, vi } from 'vitest';
import { createPlaintBridge, type BridgeTransport } from './bridge';

function fakeTransport() {
  let emit: (channel: 'app.status', payload: unknown) => void = () => undefined;
  const transport: BridgeTransport = {
    request: vi.fn(async (method: string) => ({ ok: true, result: method })),
    listen: vi.fn((listener) => {
      emit = listener;
      return () => undefined;
    }),
  };
  return { transport, emit: (payload: unknown) => emit('app.status', payload) };
}

describe('the window.plaint bridge', () => {
  it('forwards contract methods to the transport', async () => {
    const { transport } = fakeTransport();
    const bridge = createPlaintBridge(transport);
    expect(await bridge.invoke('app.ping', {})).toEqual({ ok: true, result: 'app.ping' });
  });

  it('answers an unknown method locally with UNKNOWN_METHOD and sends nothing', async () => {
    const { transport } = fakeTransport();
    const bridge = createPlaintBridge(transport);
    const response = await bridge.invoke('fs.readFile' as never, {} as never);
    expect(response).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(transport.request).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel and delivers events until unsubscribed', () => {
    const { transport, emit } = fakeTransport();
    const bridge = createPlaintBridge(transport);
    expect(() => bridge.subscribe('ipc.raw' as never, () => undefined)).toThrow(/Unknown event channel/);
    const seen: unknown[] = [];
    const stop = bridge.subscribe('app.status', (payload) => seen.push(payload));
    emit({ database: 'a' });
    stop();
    emit({ database: 'b' });
    expect(seen).toEqual([{ database: 'a' }]);
  });
});
