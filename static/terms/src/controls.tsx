/**
 * The form controls of the terms editor, each bound to a path of the draft: native inputs and
 * selects (light, keyboard-native, labelled through the shared Field with its error and help lines
 * wired by `aria-describedby`). A control shows the backend's errors at its path and its own parse
 * error (an amount or a target it cannot read), which the draft does not take until it parses.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Field } from '../../shared/ui/field';
import { formatBusinessDuration, parseBusinessDuration } from '../../../src/contract/business-duration';
import { useEditor } from './editor-context';
import { errorsAt, formatMajorAmount, parseMajorAmount, pathKey, type Path } from './draft';
import { useI18n } from './messages';

function valueAt(db: unknown, path: Path): unknown {
  let current = db;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** The draft's value at a path, typed by the caller (the path says what it is). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the type the path holds
export function useValue<T>(path: Path): T | undefined {
  return valueAt(useEditor().db, path) as T | undefined;
}

/** The errors to show under a control: the backend's at its path, then its own. */
function useShownError(path: Path, local: string | null): string | undefined {
  const messages = errorsAt(useEditor().errors, path);
  const all = local === null ? messages : [local, ...messages];
  return all.length === 0 ? undefined : all.join(' ');
}

function fieldName(path: Path): string {
  return pathKey(path).replace(/\./g, '-');
}

interface BaseProps {
  path: Path;
  label: string;
  help?: ReactNode;
}

/** A text at a path; an emptied optional text removes the key. */
export function TextControl({
  path,
  label,
  help,
  optional = false,
  type = 'text',
  placeholder,
  list,
}: BaseProps & { optional?: boolean; type?: 'text' | 'date' | 'color'; placeholder?: string; list?: string }) {
  const editor = useEditor();
  const id = useId();
  const value = useValue<string>(path) ?? '';
  const error = useShownError(path, null);
  return (
    <Field id={id} name={fieldName(path)} label={label} help={help} error={error}>
      {(control) => (
        <input
          id={control.id}
          aria-describedby={control['aria-describedby']}
          aria-invalid={control.isInvalid}
          className="terms-input"
          type={type}
          value={value}
          placeholder={placeholder}
          list={list}
          onChange={(event) => { editor.set(path, optional && event.target.value === '' ? undefined : event.target.value); }}
        />
      )}
    </Field>
  );
}

/**
 * A text the draft takes only once it parses (`parse` answers undefined otherwise); shows `echo`
 * of the parsed value next to it. An emptied optional control removes the key.
 */
function ParsedControl<T>({
  path,
  label,
  help,
  optional,
  parse,
  format,
  echo,
  invalidText,
  inputMode,
}: BaseProps & {
  optional: boolean;
  parse: (text: string) => T | undefined;
  format: (value: T) => string;
  echo?: (value: T) => string;
  invalidText: string;
  inputMode?: 'decimal' | 'text';
}) {
  const editor = useEditor();
  const id = useId();
  const stored = useValue<T>(path);
  const key = pathKey(path);
  const [text, setText] = useState(stored === undefined ? '' : format(stored));
  const [bad, setBad] = useState(false);
  // A draft changed elsewhere (a preset, a new revision) shows here unless this field is mid-edit.
  useEffect(() => {
    if (bad) return;
    const parsed = parse(text);
    if (stored === undefined ? text.trim() !== '' : parsed === undefined || format(parsed) !== format(stored)) setText(stored === undefined ? '' : format(stored));
    // Only the stored value drives this.
  }, [stored]);
  useEffect(() => () => { editor.setLocalError(key, null); }, [key]);
  const error = useShownError(path, bad ? invalidText : null);
  const parsed = text.trim() === '' ? undefined : parse(text);
  return (
    <Field id={id} name={fieldName(path)} label={label} help={help} error={error}>
      {(control) => (
        <span className="terms-parsed">
          <input
            id={control.id}
            aria-describedby={control['aria-describedby']}
            aria-invalid={control.isInvalid}
            className="terms-input terms-input-short"
            inputMode={inputMode}
            value={text}
            onChange={(event) => {
              const next = event.target.value;
              setText(next);
              if (next.trim() === '' && optional) {
                setBad(false);
                editor.setLocalError(key, null);
                editor.set(path, undefined);
                return;
              }
              const value = parse(next);
              setBad(value === undefined);
              editor.setLocalError(key, value === undefined ? invalidText : null);
              if (value !== undefined) editor.set(path, value);
            }}
          />
          {echo !== undefined && parsed !== undefined ? (
            <output className="terms-echo" htmlFor={control.id}>
              {echo(parsed)}
            </output>
          ) : null}
        </span>
      )}
    </Field>
  );
}

/** An amount typed in major units (`49.50`), stored in minor units. */
export function MoneyControl({ path, label, help, currency, optional = true }: BaseProps & { currency: string; optional?: boolean }) {
  const { t, locale } = useI18n();
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return (
    <ParsedControl
      path={path}
      label={`${label} (${currency})`}
      help={help}
      optional={optional}
      parse={parseMajorAmount}
      format={formatMajorAmount}
      echo={(minor) => money.format(minor / 100)}
      invalidText={t('terms.money.invalid')}
      inputMode="decimal"
    />
  );
}

/** A target in business notation (`30m`, `1h 30m`, `3d`), stored in business minutes. */
export function TargetControl({ path, label, dayMinutes, optional }: BaseProps & { dayMinutes: number; optional: boolean }) {
  const { t, duration } = useI18n();
  return (
    <ParsedControl
      path={path}
      label={label}
      optional={optional}
      parse={(text) => {
        const minutes = parseBusinessDuration(text, dayMinutes);
        return minutes === undefined || minutes <= 0 ? undefined : minutes;
      }}
      format={(minutes) => formatBusinessDuration(minutes, dayMinutes)}
      echo={(minutes) => t('terms.target.echo', { duration: duration(minutes) })}
      invalidText={t('terms.target.invalid')}
    />
  );
}

/** A number (`95`, `99.5`); an emptied optional one removes the key. */
export function NumberControl({ path, label, help, optional = true }: BaseProps & { optional?: boolean }) {
  const { t } = useI18n();
  return (
    <ParsedControl
      path={path}
      label={label}
      help={help}
      optional={optional}
      parse={(text) => {
        const n = Number(text.trim().replace(',', '.'));
        return text.trim() === '' || !Number.isFinite(n) ? undefined : n;
      }}
      format={(n) => String(n)}
      invalidText={t('terms.number.invalid')}
      inputMode="decimal"
    />
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A choice of values at a path; with `emptyLabel` the key may be left out. */
export function SelectControl({ path, label, help, choices, emptyLabel }: BaseProps & { choices: readonly Choice[]; emptyLabel?: string }) {
  const editor = useEditor();
  const id = useId();
  const value = useValue<string>(path) ?? '';
  const error = useShownError(path, null);
  const known = choices.some((choice) => choice.value === value);
  return (
    <Field id={id} name={fieldName(path)} label={label} help={help} error={error}>
      {(control) => (
        <select
          id={control.id}
          aria-describedby={control['aria-describedby']}
          aria-invalid={control.isInvalid}
          className="terms-input"
          value={value}
          onChange={(event) => { editor.set(path, event.target.value === '' && emptyLabel !== undefined ? undefined : event.target.value); }}
        >
          {emptyLabel !== undefined || value === '' ? <option value="">{emptyLabel ?? ''}</option> : null}
          {!known && value !== '' ? <option value={value}>{value}</option> : null}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** What a picker stores: the values, or nothing (the key left out) when none is ticked and that means "the default". */
function pickedValues(values: string[], emptyRemoves: boolean): string[] | undefined {
  return values.length === 0 && emptyRemoves ? undefined : values;
}

/**
 * A picker of several values out of the site's: checkboxes in a fieldset, with a filter when the
 * list is long. Values the site does not (or no longer) list stay shown and can be unticked.
 */
export function MultiPicker({
  path,
  legend,
  help,
  choices,
  testId,
  emptyRemoves = false,
}: { path: Path; legend: string; help?: string | undefined; choices: readonly Choice[]; testId: string; emptyRemoves?: boolean }) {
  const editor = useEditor();
  const { t } = useI18n();
  const filterId = useId();
  const helpId = useId();
  const selected = useValue<string[]>(path) ?? [];
  const [filter, setFilter] = useState('');
  const all: Choice[] = [...choices, ...selected.filter((value) => !choices.some((c) => c.value === value)).map((value) => ({ value, label: value }))];
  const needle = filter.trim().toLowerCase();
  const shown = needle === '' ? all : all.filter((choice) => choice.label.toLowerCase().includes(needle) || selected.includes(choice.value));
  const error = useShownError(path, null);
  return (
    <fieldset className="terms-fieldset" data-testid={testId} aria-describedby={help === undefined ? undefined : helpId}>
      <legend className="terms-legend">{legend}</legend>
      {all.length > 8 ? (
        <input
          id={filterId}
          className="terms-input terms-filter"
          aria-label={t('terms.picker.filter', { what: legend })}
          placeholder={t('terms.picker.filterPlaceholder')}
          value={filter}
          onChange={(event) => { setFilter(event.target.value); }}
        />
      ) : null}
      <div className="terms-checks">
        {shown.length === 0 ? <span className="terms-muted">{t('terms.picker.none')}</span> : null}
        {shown.map((choice) => (
          <label key={choice.value} className="terms-check">
            <input
              type="checkbox"
              checked={selected.includes(choice.value)}
              onChange={(event) => { editor.set(path, pickedValues(event.target.checked ? [...selected, choice.value] : selected.filter((value) => value !== choice.value), emptyRemoves)); }
              }
            />
            {choice.label}
          </label>
        ))}
      </div>
      {error === undefined ? null : (
        <div className="terms-error" data-testid={`field-error-${fieldName(path)}`}>
          {error}
        </div>
      )}
      {help === undefined ? null : (
        <div id={helpId} className="terms-help">
          {help}
        </div>
      )}
    </fieldset>
  );
}
