/**
 * Entry of the dashboard gadget's Custom UI bundle (static/gadget/index.html → dist): one bundle for
 * the gadget's view and its edit view (manifest `edit.resource` names the same resource).
 */
import { mountApp } from '../../shared/mount-app';
import '../../shared/compliance/compliance.css';
import { GadgetApp } from './gadget-app';
import { I18nProvider } from './messages';

const container = document.getElementById('root');
if (container === null) throw new Error('static/gadget/index.html has no #root element.');
void mountApp(container, I18nProvider, <GadgetApp />);
