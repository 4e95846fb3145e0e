// Bootstrap: styles, strings, then the app.
import 'katex/dist/katex.min.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/graph-card.css';
import './styles/graph.css';
import './styles/graph-labels.css';
import './styles/error-panel.css';
import './styles/formula.css';
import './styles/controls.css';
import './styles/edit.css';
import { setLanguage, translateStatic } from './i18n/index.js';
import { startApp } from './app.js';

setLanguage('en');
translateStatic();
startApp();
