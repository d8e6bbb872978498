// The Urdu catalog: the files and keys of the English one (tests/unit/message-parity.test.ts
// checks keys and ICU arguments), with the terms of messages/GLOSSARY.md.
import type english from '../en/index.ts';
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

// `satisfies` makes a key missing from this catalog a type error at the key that lacks it.
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
} satisfies typeof english;

export default messages;
