// The English catalog, one file per feature so features can be worked on independently.
// Namespaces (top-level keys) must be unique across files (messages/messages.test.ts checks).
import about from './about.json';
import adminImport from './admin-import.json';
import adminRegister from './admin-register.json';
import adminUsers from './admin-users.json';
import admin from './admin.json';
import agreement from './agreement.json';
import auth from './auth.json';
import common from './common.json';
import domain from './domain.json';
import forms from './forms.json';
import home from './home.json';
import methodology from './methodology.json';
import publicView from './public.json';
import workspace from './workspace.json';

const messages = {
  ...common,
  ...domain,
  ...home,
  ...publicView,
  ...agreement,
  ...methodology,
  ...auth,
  ...forms,
  ...workspace,
  ...about,
  ...admin,
  ...adminRegister,
  ...adminUsers,
  ...adminImport,
};

export default messages;
