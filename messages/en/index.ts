// The English catalog, one file per feature so features can be worked on independently.
// Namespaces (top-level keys) must be unique across files.
import agreement from './agreement.json';
import common from './common.json';
import domain from './domain.json';
import home from './home.json';
import methodology from './methodology.json';
import publicView from './public.json';

const messages = { ...common, ...domain, ...home, ...publicView, ...agreement, ...methodology };

export default messages;
