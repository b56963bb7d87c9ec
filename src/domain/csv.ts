/**
 * CSV fields for the managers' exports (the review report's CSV and the credits CSV): RFC 4180
 * quoting, and text that a spreadsheet would run as a formula made inert.
 *
 * Pure: no I/O.
 */

/**
 * One CSV field: numbers as they are, null as an empty field, text quoted when it holds a quote,
 * comma or line break; a text starting with = + - @ (or a tab / CR) gets a leading apostrophe
 * (OWASP "CSV injection"), so a spreadsheet shows it instead of running it.
 *
 * @example csvField('=1+1') // "'=1+1"
 * @example csvField('Acme, Inc.') // '"Acme, Inc."'
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
