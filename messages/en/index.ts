// The English catalog, one file per feature so features can be worked on independently.
// Namespaces (top-level keys) must be unique across files.
import admin from './admin.json';
import adminRegister from './admin-register.json';
import adminUsers from './admin-users.json';
import auth from './auth.json';
import common from './common.json';
import forms from './forms.json';
import home from './home.json';

const messages = { ...common, ...home, ...auth, ...forms, ...admin, ...adminRegister, ...adminUsers };

export default messages;
