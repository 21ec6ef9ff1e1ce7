/**
 * Preloaded with `node --import` in front of the built main process: resolves `electron` to the
 * fake (a module-resolution hook, so the product bundle runs unchanged), and installs the clock
 * the fake moves forward when a test puts the system to sleep.
 */
import { registerHooks } from 'node:module';
import { installShiftableClock } from './shifted-clock.ts';

const fakeElectron = new URL('./index.ts', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron' || specifier === 'electron/main') return { url: fakeElectron, format: 'module', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

installShiftableClock();
