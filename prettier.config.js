// @ts-check
/**
 * The one formatter (issue 12 §5). `npm run format` writes, `npm run format:check` checks (`npm test`
 * runs it right after lint). eslint-config-prettier (last in eslint.config.js) turns off every ESLint rule
 * about layout, so the two never disagree: ESLint judges the code, Prettier lays it out.
 *
 * printWidth 160: the code was written to about that width (one statement, one line, where it
 * reads), and a narrower width would re-wrap thousands of lines that are fine as they are. Quotes,
 * semicolons, trailing commas and arrow parentheses are as the code has always had them.
 * @type {import('prettier').Config}
 */
export default {
  printWidth: 160,
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  arrowParens: 'always',
  bracketSpacing: true,
  endOfLine: 'lf',
};
