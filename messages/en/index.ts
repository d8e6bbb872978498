// The English catalog, one file per feature so features can be worked on independently.
// Namespaces (top-level keys) must be unique across files.
import common from './common.json';
import home from './home.json';

const messages = { ...common, ...home };

export default messages;
