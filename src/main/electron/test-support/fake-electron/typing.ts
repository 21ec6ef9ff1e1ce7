/**
 * How the fake stays true to electron.d.ts: each fake implements the members the app uses with
 * Electron's own types (`implements Pick<Electron.X, …>`, `satisfies Pick<…>`), so `tsc` fails
 * when Electron changes them. Where Electron returns one of its objects, the fake returns its own
 * stand-in, and only Electron's parameters are checked.
 */
export type WithFakeResult<Electrons extends (...args: never[]) => unknown, Fake> = (...args: Parameters<Electrons>) => Fake;
