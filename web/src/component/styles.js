// The component's styles (KaTeX's included): everything an instance needs, nothing for the host page.
import 'katex/dist/katex.min.css';
import '../styles/tokens.css';
import '../styles/base.css';
import '../styles/layout.css';
import '../styles/graph-card.css';
import '../styles/graph.css';
import '../styles/graph-labels.css';
import '../styles/opgraph.css';
import '../styles/error-panel.css';
import '../styles/formula.css';
import '../styles/controls.css';
import '../styles/edit.css';
import '../styles/instance.css';
import '../styles/compact.css';
import '../styles/workbench.css';
import '../styles/data-table.css';
import '../styles/intro.css';
