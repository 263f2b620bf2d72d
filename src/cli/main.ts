import { parseArgs } from 'node:util';
import { ConfigError } from '../config/load.js';
import { isMizanError } from '../errors.js';
import { assure } from './commands/assure.js';
import { auditExport } from './commands/audit-export.js';
import { auditVerify } from './commands/audit-verify.js';
import { configCheck } from './commands/config-check.js';
import { corpus } from './commands/corpus.js';
import { langDetect, langTranslit } from './commands/lang.js';
import { migrate } from './commands/migrate.js';
import { oversight } from './commands/oversight.js';
import { piiRedact, piiScan } from './commands/pii.js';
import { guardCheck } from './commands/guard.js';
import { serve } from './commands/serve.js';
import { apps, keys, tenants } from './commands/tenancy.js';
import { UsageError } from './output.js';

const HELP = `mizan — a sovereign, responsible-AI gateway

usage: mizan <command> [options]

  serve                                   start the gateway (PORT, default 8080)
  config check                            validate the configuration and print a summary
  migrate                                 apply database migrations
  tenants create NAME | tenants list
  apps create --tenant T [--models a,b] [--rpm N] [--transfers FR,ES] [--policy FILE] NAME
  apps list [--tenant T]
  keys create --app APP_ID [--expires DATE] | keys revoke KEY_ID_OR_PREFIX | keys list [--app ID] [--tenant T]
  pii scan [--jsonl] [--types A,B] [--threshold X]
                                          find personal data in stdin: plain text, or {id, text} JSON lines
  pii redact --policy FILE [--jsonl]      apply a privacy policy's operators to stdin
  guard check [--rules-only] [--content]  check {id, text} JSON lines on stdin as the gateway's input guard does;
                                          writes {id, decision, reasons, score} per line
  lang detect [--jsonl]                   identify the language of each stdin line (or {id, text} JSON line)
  lang translit --from A --to B [--jsonl] transliterate stdin: zgh_Tfng <-> zgh_Latn, ary_Latn <-> ary_Arab
  corpus collections create NAME [--tenant T] [--visibility public|internal] [--allow-personal-data]
  corpus collections list [--tenant T]
  corpus add FILE... --collection C [--tenant T] [--source URI] [--licence L] [--publisher P] [--title T]
             [--language L] [--classification C] [--version V] [--valid-from DATE] [--valid-to DATE]
                                          ingest documents (Markdown, text, HTML, PDF, DOCX) with their provenance
  corpus list --collection C [--tenant T] | corpus show DOC_ID | corpus withdraw DOC_ID --reason TEXT
  corpus search QUESTION [--tenant T]     the passages the assistant would retrieve

human oversight (the /v1/oversight API: on the database, or through the running server):
  staff create --tenant T --name NAME --roles dpo,reviewer  (prints the staff token once) | staff list [--tenant T]
  register set APP_ID --file ENTRY.json|yaml | register show APP_ID
  register record APP_ID [--html] [--lang fr|ar|en]  the CNDP processing record, as JSON or a printable page
  assess questionnaire [--version N] [--lang fr|ar|en] | assess submit APP_ID --file ANSWERS.json|yaml
  assess sign APP_ID ASSESSMENT_ID --token DPO_TOKEN | assess show APP_ID
  apps checks APP_ID | apps promote APP_ID     the way to production, and the step onto it
  sandbox open APP_ID --purpose TEXT --ends DATE [--starts DATE] --max-requests N --max-tokens N
  sandbox list [--app APP_ID] | sandbox close SANDBOX_ID --tested TEXT [--incidents FILE.json]
  models list | models approve MODEL --tier T [--report ID:passed|ID:failed ...] [--note TEXT]
  models revoke MODEL --tier T
  suspend application|model ID --reason TEXT | resume application|model ID
  reviews list [--status pending,claimed] [--app APP_ID] | reviews show CASE | reviews claim CASE
  reviews edit CASE --answer TEXT | reviews approve CASE [--answer TEXT] [--scores FILE.json]
  reviews reject CASE --reason TEXT
  rights request --user SUBJECT --kind access|rectification|opposition|erasure [--app APP_ID] [--file CORR.json]
  rights list [--status S] [--kind K] | rights show ID | rights complete ID | rights refuse ID --reason TEXT
                                          data-subject requests, as the DPO handles them (with the DPO's --token)
  holds place --reason TEXT [--user SUBJECT] [--app APP_ID] | holds list | holds lift HOLD_ID
  audit events [--app APP_ID] [--subject ID] [--kind flow|oversight|governance|rights|retention] [--after N] [--limit N]
  audit export --out DIR [--from T] [--to T] [--app APP_ID] [--tenant T]
                                          write the audit log up to its latest signed head for offline
                                          verification (on the database; records outside the filter as hashes)
  audit verify --export DIR [--public-key FILE] [--heads FILE]
                                          check an audit export offline (no database, no configuration):
                                          exit 0 valid, 1 invalid
  assure packs | assure list [--app APP_ID] | assure show RUN_ID | assure report RUN_ID [--html]
  assure run PACK --app APP_ID --model MODEL [--concurrency N] [--seed N] [--html FILE]
                                          run an assurance pack (id or file) with a progress bar on stderr
  assure resume RUN_ID [--pack PATH] [--html FILE]
                                          go on with a stopped run (Ctrl-C leaves it resumable)

options:
  --config FILE   configuration file (default: $MIZAN_CONFIG, else ./mizan.yaml if present)
  --token TOKEN   for oversight: a staff token (default: $MIZAN_STAFF_TOKEN, else the platform admin)
  --json          machine-readable output
  --help          this help

exit status: 0 done, 1 error, 2 bad usage, 3 (assure run, assure resume) the assurance report failed
`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    tokens: true,
    options: {
      config: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      tenant: { type: 'string' },
      app: { type: 'string' },
      models: { type: 'string' },
      rpm: { type: 'string' },
      expires: { type: 'string' },
      jsonl: { type: 'boolean', default: false },
      transfers: { type: 'string' },
      types: { type: 'string' },
      threshold: { type: 'string' },
      policy: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      collection: { type: 'string' },
      source: { type: 'string' },
      licence: { type: 'string' },
      publisher: { type: 'string' },
      title: { type: 'string' },
      language: { type: 'string' },
      classification: { type: 'string' },
      version: { type: 'string' },
      'valid-from': { type: 'string' },
      'valid-to': { type: 'string' },
      visibility: { type: 'string' },
      'allow-personal-data': { type: 'boolean', default: false },
      reason: { type: 'string' },
      token: { type: 'string' },
      name: { type: 'string' },
      roles: { type: 'string' },
      file: { type: 'string' },
      html: { type: 'boolean', default: false },
      lang: { type: 'string' },
      purpose: { type: 'string' },
      starts: { type: 'string' },
      ends: { type: 'string' },
      'max-requests': { type: 'string' },
      'max-tokens': { type: 'string' },
      tested: { type: 'string' },
      incidents: { type: 'string' },
      tier: { type: 'string' },
      report: { type: 'string', multiple: true },
      note: { type: 'string' },
      status: { type: 'string' },
      answer: { type: 'string' },
      scores: { type: 'string' },
      subject: { type: 'string' },
      kind: { type: 'string' },
      after: { type: 'string' },
      limit: { type: 'string' },
      model: { type: 'string' },
      concurrency: { type: 'string' },
      seed: { type: 'string' },
      pack: { type: 'string' },
      export: { type: 'string' },
      'public-key': { type: 'string' },
      heads: { type: 'string' },
      out: { type: 'string' },
      user: { type: 'string' },
      'rules-only': { type: 'boolean', default: false },
      content: { type: 'boolean', default: false },
    },
  });
  const [command, action, ...rest] = positionals;
  const options = { ...(values.config ? { config: values.config } : {}), json: values.json === true };
  // `--report` alone repeats; the other commands read single values.
  const single = { ...values, report: undefined };
  const args = { positionals: rest, values: single };
  const oversightArgs = { positionals: rest, values };
  const oversightOptions = { ...options, ...(values.token ? { token: values.token } : {}) };
  if (values.help || !command) {
    console.log(HELP);
    return;
  }
  switch (command) {
    case 'serve':
      return serve(options);
    case 'config':
      if (action !== 'check') throw new UsageError('usage: mizan config check [--config FILE]');
      return configCheck(options);
    case 'migrate':
      return migrate(options);
    case 'tenants':
      return tenants(action, args, options);
    case 'apps':
      if (action === 'checks' || action === 'promote')
        return oversight('apps', action, oversightArgs, oversightOptions);
      return apps(action, args, options);
    case 'keys':
      return keys(action, args, options);
    case 'corpus':
      return corpus(action, args, options);
    case 'staff':
    case 'register':
    case 'assess':
    case 'sandbox':
    case 'models':
    case 'suspend':
    case 'resume':
    case 'reviews':
    case 'rights':
    case 'holds':
      return oversight(command, action, oversightArgs, oversightOptions);
    case 'audit':
      if (action === 'verify') return auditVerify({ ...values, json: values.json === true });
      if (action === 'export') return auditExport(options, values);
      return oversight(command, action, oversightArgs, oversightOptions);
    case 'assure':
      return assure(action, { tokens, values }, oversightOptions);
    case 'pii':
      if (action === 'scan') return piiScan(single);
      if (action === 'redact') return piiRedact(single);
      throw new UsageError('usage: mizan pii scan [--jsonl] | mizan pii redact --policy FILE [--jsonl]');
    case 'guard':
      if (action === 'check') return guardCheck(single, options);
      throw new UsageError('usage: mizan guard check [--rules-only] [--content] < records.jsonl');
    case 'lang':
      if (action === 'detect') return langDetect(single);
      if (action === 'translit') return langTranslit(single);
      throw new UsageError(
        'usage: mizan lang detect [--jsonl] | mizan lang translit --from A --to B [--jsonl]',
      );
    default:
      throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UsageError) console.error(error.message);
  else if (isMizanError(error)) console.error(`error (${error.code}): ${error.message}`);
  else if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    console.error((error as Error).message);
  else console.error(error);
  process.exit(error instanceof ConfigError || error instanceof UsageError ? 2 : 1);
});
