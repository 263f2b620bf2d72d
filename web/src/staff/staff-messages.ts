import { defineMessages } from '../i18n/messages.js';

export const staffMessages = defineMessages({
  ar: {
    signInTitle: 'دخول الموظفين',
    signInIntro: 'هذا الفضاء مخصص لموظفي الإدارة: المراجعين ومسؤولي حماية المعطيات والمدققين والمسيرين.',
    tokenLabel: 'رمز الموظف',
    tokenHelp: 'الرمز الذي أنشأه مسير الإدارة (mizan staff create). يُحفظ في هذه النافذة فقط.',
    signIn: 'دخول',
    signInWith: 'الدخول عبر حساب الإدارة: {tenant}',
    signOut: 'خروج',
    signedInAs: 'متصل بصفة {name} — {roles}',
    missingRole: 'حسابك لا يملك الدور اللازم لهذا الفضاء ({roles}).',
    platformAdmin: 'مسير المنصة',
  },
  fr: {
    signInTitle: 'Connexion du personnel',
    signInIntro:
      'Cet espace est réservé au personnel de l’administration : relecteurs, délégués à la protection des données, auditeurs et administrateurs.',
    tokenLabel: 'Jeton du personnel',
    tokenHelp:
      'Le jeton créé par l’administrateur (mizan staff create). Il est gardé pour cet onglet seulement.',
    signIn: 'Se connecter',
    signInWith: 'Se connecter avec le compte de l’administration : {tenant}',
    signOut: 'Se déconnecter',
    signedInAs: 'Connecté en tant que {name} — {roles}',
    missingRole: 'Votre compte n’a pas le rôle nécessaire pour cet espace ({roles}).',
    platformAdmin: 'administrateur de la plateforme',
  },
  zgh: {
    signInTitle: 'ⴰⴽⵛⵛⵓⵎ ⵏ ⵉⵎⵙⵡⵓⵔⵉ',
    signInIntro: 'ⴰⵙⵉⵏⵙ ⴰⴷ ⵉⵜⵜⵓⵙⵡⵓⵊⴷ ⵉ ⵉⵎⵙⵡⵓⵔⵉ ⵏ ⵜⵙⴱⴱⴰⴱⵜ: ⵉⵎⵙⵏⵎⴰⵍⵏ, ⵉⵎⵙⴳⴷⴰⵍⵏ ⵏ ⵉⵙⴼⴽⴰ, ⵉⵎⵙⵙⵉⴼⴹⵏ ⴷ ⵉⵎⵙⵡⵓⴷⴷⵓⵜⵏ.',
    tokenLabel: 'ⴰⵣⵎⵎⴻⵎ ⵏ ⵓⵎⵙⵡⵓⵔⵉ',
    tokenHelp: 'ⴰⵣⵎⵎⴻⵎ ⵏⵏⴰ ⵉⵙⵏⵓⵍⴼⴰ ⵓⵎⵙⵡⵓⴷⴷⵓ (mizan staff create). ⵉⵜⵜⵓⵃⵟⴰ ⵖ ⵜⵙⴽⵍⴰ ⴰⴷ ⵖⴰⵙ.',
    signIn: 'ⴽⵛⵎ',
    signInWith: 'ⴽⵛⵎ ⵙ ⵓⵎⵉⴹⴰⵏ ⵏ ⵜⵙⴱⴱⴰⴱⵜ: {tenant}',
    signOut: 'ⴼⴼⵖ',
    signedInAs: 'ⵜⴽⵛⵎⴷ ⵙ {name} — {roles}',
    missingRole: 'ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ ⵓⵔ ⴷⴰⵔⵙ ⵜⴰⵡⵏⴰⵡⵜ ⵉⵍⴰⵇⵏ ⵉ ⵓⵙⵉⵏⵙ ⴰⴷ ({roles}).',
    platformAdmin: 'ⴰⵎⵙⵡⵓⴷⴷⵓ ⵏ ⵜⵖⵔⵖⴰⵔⵜ',
  },
  en: {
    signInTitle: 'Staff sign-in',
    signInIntro:
      'This area is for the administration’s staff: reviewers, data-protection officers, auditors and administrators.',
    tokenLabel: 'Staff token',
    tokenHelp: 'The token your administrator created (mizan staff create). It is kept for this tab only.',
    signIn: 'Sign in',
    signInWith: 'Sign in with the administration’s account: {tenant}',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {name} — {roles}',
    missingRole: 'Your account does not have a role this area needs ({roles}).',
    platformAdmin: 'platform administrator',
  },
});
