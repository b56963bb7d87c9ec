/**
 * One service of the catalogue: name, description, its place in the catalogue (the first matching
 * service wins, so order matters: move up / down), and how requests are recognised — pickers of the
 * site's real request types (per service desk), components and labels.
 */
import Button from '@atlaskit/button/new';
import { useEditor } from './editor-context';
import { MultiPicker, TextControl } from './controls';
import type { Path } from './draft';
import { useI18n } from './messages';

export function ServiceForm({ index, onMoved }: { index: number; onMoved: (to: number) => void }) {
  const { t } = useI18n();
  const editor = useEditor();
  const service = editor.db.services[index];
  if (service === undefined) return null;
  const base: Path = ['services', index];
  const options = editor.options;
  const move = (to: number) => {
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
        <span className="terms-muted">{t('terms.service.position', { n: index + 1, count: editor.db.services.length })}</span>
        <Button spacing="compact" isDisabled={index === 0} onClick={() => { move(index - 1); }} testId="service-up">
          {t('terms.service.up')}
        </Button>
        <Button spacing="compact" isDisabled={index === editor.db.services.length - 1} onClick={() => { move(index + 1); }} testId="service-down">
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
