import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META } from './content-security-policy';
import { allowedOrigins, APP_ORIGIN, isAppOrigin, isTrustedSender } from './origins';
import { resolveRendererAsset } from './renderer-assets';
import { assertFreshBuild } from '../test-support/built-output';

describe('IPC sender check', () => {
  const origins = allowedOrigins(undefined);
  const own = { url: `${APP_ORIGIN}/index.html#/cases`, isMainFrame: true, isOwnWindow: true };

  it('accepts the app page in its own window', () => {
    expect(isTrustedSender(own, origins)).toBe(true);
  });
  it.each([
    ['another origin', { ...own, url: 'https://evil.example/index.html' }],
    ['a file URL', { ...own, url: 'file:///etc/passwd' }],
    ['an iframe', { ...own, isMainFrame: false }],
    ['a window the app did not create', { ...own, isOwnWindow: false }],
    ['a destroyed frame', { ...own, url: null }],
    ['a look-alike host', { ...own, url: 'app://plaint.evil/index.html' }],
  ])('refuses %s', (_label, frame) => {
    expect(isTrustedSender(frame, origins)).toBe(false);
  });
  it('accepts the dev server only when one is configured', () => {
    expect(isAppOrigin('http://localhost:5173/', origins)).toBe(false);
    expect(isAppOrigin('http://localhost:5173/', allowedOrigins('http://localhost:5173'))).toBe(true);
  });
});

describe('renderer asset resolution (app:// protocol)', () => {
  const root = path.resolve('/srv/renderer');
  it('maps paths inside the renderer directory', () => {
    expect(resolveRendererAsset(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererAsset(root, '/assets/index.js')).toBe(path.join(root, 'assets', 'index.js'));
  });
  it.each(['/../secret', '/assets/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/a%5c..%5c..%5cb', '/x%00.js', '/%E0%A4%A'])('refuses %s', (requestPath) => {
    expect(resolveRendererAsset(root, requestPath)).toBeNull();
  });
});

describe('Content-Security-Policy', () => {
  it('allows scripts only from the app itself: no inline script, no eval', () => {
    expect(CSP_META).toMatch(/script-src 'self';/);
    expect(CSP_META).not.toContain('unsafe-eval');
    expect(CSP_META).toMatch(/default-src 'none'/);
    expect(CSP_META).toMatch(/object-src 'none'/);
  });
  it('adds frame-ancestors in the header only (a meta tag cannot carry it)', () => {
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(CSP_META).not.toContain('frame-ancestors');
  });
  it('is the one written into the built index.html (built from the sources as they are now)', () => {
    assertFreshBuild();
    const html = fs.readFileSync(path.resolve('out/renderer/index.html'), 'utf8');
    expect(html).toContain(`content="${CSP_META}"`);
    expect(html).not.toContain('%PLAINT_CSP%');
  });
});
