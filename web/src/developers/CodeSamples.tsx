import { useMessages } from '../i18n/messages.js';
import { CodeBlock } from './CodeBlock.js';
import { developersMessages } from './developers-messages.js';

const QUESTION = 'Comment renouveler ma carte nationale ?';

/** The samples, pointed at the gateway that serves this page; the key is read from the environment. */
export function samples(origin: string) {
  return {
    curl: `curl -s ${origin}/v1/chat/completions \\
  -H "Authorization: Bearer $MIZAN_API_KEY" \\
  -H 'Content-Type: application/json' \\
  -d '{"model": "default", "messages": [{"role": "user", "content": "${QUESTION}"}]}'

# An answer held for human review says so in mizan.review; ask for the outcome later:
curl -s ${origin}/v1/reviews/$CASE_ID -H "Authorization: Bearer $MIZAN_API_KEY"`,
    javascript: `// npm i openai
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: '${origin}/v1', apiKey: process.env.MIZAN_API_KEY });
const stream = await client.chat.completions.create({
  model: 'default',
  messages: [{ role: 'user', content: '${QUESTION}' }],
  stream: true,
  stream_options: { include_usage: true },
});
let mizan;
for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
  // Mizan's object comes in one extra chunk, just before [DONE].
  if (chunk.mizan) mizan = chunk.mizan;
}
console.log('\\n', mizan.audit_id, mizan.citations.length, mizan.model?.hosting);`,
    python: `# pip install openai
import os
from openai import OpenAI

client = OpenAI(base_url="${origin}/v1", api_key=os.environ["MIZAN_API_KEY"])
answer = client.chat.completions.create(
    model="default",
    messages=[{"role": "user", "content": "${QUESTION}"}],
)
print(answer.choices[0].message.content)
mizan = answer.model_extra["mizan"]  # kept by the client as an extra field
print(mizan["audit_id"], mizan["review"], mizan["model"]["hosting"])`,
  };
}

const MIZAN_EXAMPLE = `"mizan": {
  "audit_id": "1f0c…",
  "language": "fra_Latn",
  "citations": [{ "n": 1, "title": "Loi n° 09-08 …", "publisher": "…", "version": 1,
                  "uri": "https://…", "article": "Article 7", "passage": "…" }],
  "grounding": { "supported": true, "checked": 2, "unsupported": [] },
  "privacy": { "entities": { "MA_CIN": { "pseudonymize": 1 } }, "personal_data_forwarded": false,
               "transfer": { "country": "MA", "decision": "domestic" }, "conversation_id": null },
  "review": null,
  "oversight": { "risk_tier": "limited", "sandbox": true, "ai_label": true, "notice": "…", "flags": [] },
  "guard": { "decision": "allow", "reasons": [] },
  "model": { "id": "atlas-chat", "provider": "national-dc",
             "hosting": { "operator": "…", "country": "MA", "sovereign": true } }
}`;

const FIELDS = [
  'audit_id',
  'language',
  'citations',
  'grounding',
  'privacy',
  'review',
  'oversight',
  'guard',
  'model',
] as const;

/** How to call chat completions with curl and the official clients, and what Mizan adds to every answer. */
export function CodeSamples() {
  const t = useMessages(developersMessages);
  const code = samples(globalThis.location?.origin ?? 'http://localhost:8080');
  return (
    <div className="stack">
      <p>{t.samplesIntro}</p>
      <section className="card stack" aria-labelledby="sample-curl">
        <h2 id="sample-curl">curl</h2>
        <CodeBlock code={code.curl} label="curl" />
      </section>
      <section className="card stack" aria-labelledby="sample-js">
        <h2 id="sample-js">{t.sampleJs}</h2>
        <p>{t.sampleJsNote}</p>
        <CodeBlock code={code.javascript} label={t.sampleJs} />
      </section>
      <section className="card stack" aria-labelledby="sample-python">
        <h2 id="sample-python">{t.samplePython}</h2>
        <CodeBlock code={code.python} label={t.samplePython} />
      </section>
      <section className="card stack" aria-labelledby="mizan-fields">
        <h2 id="mizan-fields">{t.mizanTitle}</h2>
        <p>{t.mizanIntro}</p>
        <dl className="dev-facts">
          {FIELDS.map((field) => (
            <div key={field}>
              <dt>
                <code dir="ltr">{field}</code>
              </dt>
              <dd>{t[`field_${field}`]}</dd>
            </div>
          ))}
        </dl>
        <CodeBlock code={MIZAN_EXAMPLE} label={t.mizanTitle} />
      </section>
    </div>
  );
}
