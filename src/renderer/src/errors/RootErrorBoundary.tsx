import { Component, type ErrorInfo, type ReactNode } from 'react';
import { reportError } from './report-error';

/**
 * The outermost safety net: if the app cannot even set up its theme or language, show a plain
 * page that works without them (never a blank window), report the error, and offer a reload.
 */
export class RootErrorBoundary extends Component<{ readonly children: ReactNode }, { readonly error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    reportError('render', error, info.componentStack ?? undefined);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <main role="alert" style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '10vh auto', padding: 24 }} data-testid="root-error-screen">
        <h1>Plaint could not start / Plaint neizdevās palaist</h1>
        <p>Your saved data is safe. The details were written to the log file. / Jūsu dati ir drošībā; sīkāka informācija ierakstīta žurnālā.</p>
        <pre style={{ whiteSpace: 'pre-wrap' }}>{this.state.error.message}</pre>
        <button type="button" onClick={() => window.location.reload()}>
          Reload / Pārlādēt
        </button>
      </main>
    );
  }
}
