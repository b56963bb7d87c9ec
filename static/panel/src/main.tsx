/**
 * Entry of the issue panel's Custom UI bundle (static/panel/index.html → dist).
 */
import { mountApp } from '../../shared/mount-app';
import { I18nProvider } from './messages';
import { PanelApp } from './panel-app';

const container = document.getElementById('root');
if (container === null) throw new Error('static/panel/index.html has no #root element.');
void mountApp(container, I18nProvider, <PanelApp />);
