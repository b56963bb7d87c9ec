/**
 * The "Contract compliance" dashboard gadget: reads its Forge context once, then shows the view
 * (gadget-view.tsx, one `gadget/get` call) or — when Jira opens the gadget's edit mode — the
 * configuration form (gadget-edit.tsx), which Jira saves for this gadget through `view.submit`.
 */
import { useEffect, useState } from 'react';
import { LoadingState } from '../../shared/compliance/load-state';
import { loadRawContext } from '../../shared/forge-view';
import { readGadgetContext, type GadgetContext } from './gadget-context';
import { GadgetEdit } from './gadget-edit';
import { GadgetView } from './gadget-view';
import { useI18n } from './messages';
import { appRootStyle } from '../../shared/ui/app-root-style';

export function GadgetApp() {
  const i18n = useI18n();
  const [context, setContext] = useState<GadgetContext | null>(null);
  useEffect(() => {
    void loadRawContext().then((raw) => {
      setContext(readGadgetContext(raw));
    });
  }, []);
  return (
    <main data-testid="gadget-root" data-entry-point={context?.entryPoint ?? 'loading'} style={appRootStyle}>
      {context === null ? <LoadingState i18n={i18n} testId="gadget-loading" /> : null}
      {context?.entryPoint === 'edit' ? <GadgetEdit i18n={i18n} configuration={context.configuration} /> : null}
      {context?.entryPoint === 'view' ? <GadgetView i18n={i18n} siteUrl={context.siteUrl} /> : null}
    </main>
  );
}
