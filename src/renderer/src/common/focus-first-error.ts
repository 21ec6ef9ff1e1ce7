/**
 * Issue 18: after a refused save, focus goes to the first field in error, in the order the form
 * shows its fields, so nobody has to Shift+Tab back to it. Fields are found by the `data-path`
 * that @mantine/form's getInputProps puts on each input (the API's issue paths use the same names).
 */
export function focusFirstError(form: HTMLElement | null, pathsInError: Iterable<string>): HTMLElement | null {
  if (!form) return null;
  const inError = new Set(pathsInError);
  const field = [...form.querySelectorAll<HTMLElement>('[data-path]')].find((node) => inError.has(node.dataset['path'] ?? ''));
  field?.focus();
  return field ?? null;
}
