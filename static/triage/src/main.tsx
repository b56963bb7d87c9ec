/**
 * Entry of the triage view's Custom UI bundle (static/triage/index.html → dist), the
 * `jiraServiceManagement:queuePage` "Contract triage".
 */
import { mountApp } from '../../shared/mount-app';
import './triage.css';
import { I18nProvider } from './messages';
import { TriageApp } from './triage-app';

const container = document.getElementById('root');
if (container === null) throw new Error('static/triage/index.html has no #root element.');
void mountApp(container, I18nProvider, <TriageApp />);
