// Every language at once, synchronously (Node, tests): the page itself uses translator.js and loads a table
// other than English only when an instance speaks it.
import fr from './fr.js';
import { registerLanguage } from './translator.js';

registerLanguage('fr', fr);
export * from './translator.js';
