/**
 * One service of the catalogue: name, description, its place in the catalogue (the first matching
 * service wins, so order matters: move up / down, by mouse or keyboard — focus stays on the button
 * pressed, or moves to the other one at the top or the bottom), and how requests are recognised — pickers of the
 * site's real request types (per service desk), components and labels.
 */
import { useEffect, useRef } from 'react';
import Button from '@atlaskit/button/new';
import { useEditor } from './editor-context';
import { MultiPicker, TextControl } from './controls';
import type { Path } from './draft';
import { useI18n } from './messages';

export function ServiceForm({ index, onMoved }: { index: number; onMoved: (to: number) => void }) {
  const { t } = useI18n();
  const editor = useEditor();
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  /** The button pressed by the last move: focus stays on it, or goes to the other one at either end. */
  const pressed = useRef<'up' | 'down' | null>(null);
  const count = editor.db.services.length;
  useEffect(() => {
    const which = pressed.current;
    if (which === null) return;
    pressed.current = null;
    const atEnd = which === 'up' ? index === 0 : index === count - 1;
    (which === 'up' !== atEnd ? up : down).current?.focus();
  }, [index, count]);
  const service = editor.db.services[index];
  if (service === undefined) return null;
  const base: Path = ['services', index];
  const options = editor.options;
  const move = (which: 'up' | 'down') => {
    const to = which === 'up' ? index - 1 : index + 1;
    pressed.current = which;
    editor.update(['services'], (current) => {
      const list = [...(current as unknown[])];
      const [item] = list.splice(index, 1);
      list.splice(to, 0, item);
      return list;
    });
    onMoved(to);
  };
  const requestTypes = (options?.serviceDesks ?? []).flatMap((desk) => desk.requestTypes.map((type) => ({ value: type.id, label: `${desk.name} › ${type.name}` })));
  const components = (options?.components ?? []).map((c) => ({ value: c.name, label: c.name }));
  const labels = (options?.labels ?? []).map((label) => ({ value: label, label }));
  return (
    <section className="terms-form" aria-labelledby="service-heading" data-testid="service-form">
      <h3 id="service-heading">{service.name || t('terms.untitled')}</h3>
      <div className="terms-row">
        <span className="terms-muted" aria-live="polite" data-testid="service-position">
          {t('terms.service.position', { n: index + 1, count })}
        </span>
        <Button ref={up} spacing="compact" isDisabled={index === 0} onClick={() => { move('up'); }} testId="service-up">
          {t('terms.service.up')}
        </Button>
        <Button ref={down} spacing="compact" isDisabled={index === count - 1} onClick={() => { move('down'); }} testId="service-down">
          {t('terms.service.down')}
        </Button>
      </div>
      <p className="terms-help">{t('terms.service.orderHelp')}</p>
      <div className="terms-grid2">
        <TextControl path={[...base, 'name']} label={t('terms.name')} />
        <TextControl path={[...base, 'description']} label={t('terms.description')} optional />
      </div>
      <h4>{t('terms.service.rules')}</h4>
      <p className="terms-help">{t('terms.service.rulesHelp')}</p>
      <MultiPicker path={[...base, 'rule', 'requestTypeIds']} legend={t('terms.service.requestTypes')} choices={requestTypes} testId="pick-request-types" />
      <MultiPicker path={[...base, 'rule', 'components']} legend={t('terms.service.components')} choices={components} testId="pick-components" />
      <MultiPicker
        path={[...base, 'rule', 'labels']}
        legend={t('terms.service.labels')}
        help={options !== null && !options.labelsComplete ? t('terms.service.labelsCut', { count: options.labels.length }) : undefined}
        choices={labels}
        testId="pick-labels"
      />
    </section>
  );
}
