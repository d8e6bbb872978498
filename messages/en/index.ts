// The English catalog, one file per feature so features can be worked on independently.
// Namespaces (top-level keys) must be unique across files.
import about from './about.json';
import auth from './auth.json';
import common from './common.json';
import forms from './forms.json';
import home from './home.json';
import workspace from './workspace.json';

const messages = { ...common, ...home, ...auth, ...forms, ...workspace, ...about };

export default messages;
