/**
 * Entry of the portal panels' Custom UI bundle (static/portal/index.html → dist): one bundle for
 * the request detail panel and the profile panel; the module type in the Forge context picks which.
 */
import { loadModuleType } from '../../shared/forge-bridge';
import { mountApp } from '../../shared/mount-app';
import { I18nProvider } from './messages';
import { PortalApp } from './portal-app';

const container = document.getElementById('root');
if (container === null) throw new Error('static/portal/index.html has no #root element.');
void loadModuleType().then((moduleType) => mountApp(container, I18nProvider, <PortalApp moduleType={moduleType} />));
