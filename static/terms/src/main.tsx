/**
 * Entry of the terms forms' Custom UI bundle (static/terms/index.html → dist).
 */
import { mountApp } from '../../shared/mount-app';
import { I18nProvider } from './messages';
import { TermsApp } from './terms-app';
import './terms.css';

const container = document.getElementById('root');
if (container === null) throw new Error('static/terms/index.html has no #root element.');
void mountApp(container, I18nProvider, <TermsApp />);
