/**
 * Entry of the admin settings page's Custom UI bundle (static/admin/index.html → dist).
 */
import { mountApp } from '../../shared/mount-app';
import { I18nProvider } from './messages';
import { AdminApp } from './admin-app';
import './admin.css';

const container = document.getElementById('root');
if (container === null) throw new Error('static/admin/index.html has no #root element.');
void mountApp(container, I18nProvider, <AdminApp />);
