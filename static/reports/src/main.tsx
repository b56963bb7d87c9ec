/**
 * Entry of the "Contract reviews" page's Custom UI bundle (static/reports/index.html → dist).
 */
import { mountApp } from '../../shared/mount-app';
import '../../shared/compliance/compliance.css';
import './reports.css';
import { I18nProvider } from './messages';
import { ReportsApp } from './reports-app';

const container = document.getElementById('root');
if (container === null) throw new Error('static/reports/index.html has no #root element.');
void mountApp(container, I18nProvider, <ReportsApp />);
