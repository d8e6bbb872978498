// The English catalog, one file per feature so features can be worked on independently.
// Namespaces (top-level keys) must be unique across files.
import about from './about.json';
import common from './common.json';
import home from './home.json';

const messages = { ...common, ...home, ...about };

export default messages;
