import { useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { useSubmit } from '../components/use-submit.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { LOCALE_INFO } from '../i18n/locales.js';
import { governanceApi, type Assessment } from './governance-api.js';
import { registerMessages } from './register-messages.js';

/** The language the questionnaire is shown in: the interface's where it is translated, else French. */
const FALLBACK = 'fr';

/**
 * The ethical risk questionnaire of `GET /v1/oversight/questionnaire`, answered for one application: single
 * choices as radio buttons, multiple ones as checkboxes (an exclusive option, such as "no personal data", clears
 * the others), only the options of the application's sector.
 */
export function Questionnaire({
  applicationId,
  sector,
  onAssessed,
}: {
  applicationId: string;
  sector: string | undefined;
  onAssessed(assessment: Assessment): void;
}) {
  const t = useMessages(registerMessages);
  const { locale } = useLocale();
  const questionnaire = useResource(governanceApi.questionnaire, []);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const q = questionnaire.data;
  const submit = useSubmit(async () => {
    // The form, and so a submission, shows only once the questionnaire is loaded.
    if (!q) return;
    const wire = Object.fromEntries(
      q.questions.map((question) => {
        const chosen = answers[question.id] ?? [];
        return [question.id, question.kind === 'single' ? (chosen[0] ?? '') : chosen];
      }),
    );
    onAssessed(await governanceApi.submitAssessment(applicationId, wire, q.version));
  });

  if (!q) return <ErrorMessage error={questionnaire.error} />;
  const translated = q.questions.every((question) => question.text[locale]);
  const language = translated ? locale : FALLBACK;
  const text = (localized: Record<string, string | undefined>) => localized[language] ?? localized[FALLBACK]!;

  const choose = (
    questionId: string,
    optionId: string,
    multiple: boolean,
    exclusive: boolean,
    on: boolean,
  ) => {
    setAnswers((previous) => {
      const current = previous[questionId] ?? [];
      const options = q.questions.find((x) => x.id === questionId)!.options;
      const isExclusive = (id: string) => options.find((o) => o.id === id)?.exclusive === true;
      const next = !multiple
        ? [optionId]
        : !on
          ? current.filter((id) => id !== optionId)
          : exclusive
            ? [optionId]
            : [...current.filter((id) => !isExclusive(id)), optionId];
      return { ...previous, [questionId]: next };
    });
  };

  return (
    <form
      className="card stack questionnaire"
      onSubmit={submit.onSubmit}
      aria-labelledby="questionnaire-title"
    >
      <h3 id="questionnaire-title">{format(t.questionnaire, { version: q.version })}</h3>
      <p className="muted">{t.questionnaireIntro}</p>
      {!translated && <p className="alert">{t.textLanguageNote}</p>}
      <div className="stack" lang={LOCALE_INFO[language as keyof typeof LOCALE_INFO]?.tag ?? language}>
        {q.questions.map((question) => {
          const multiple = question.kind === 'multiple';
          const options = question.options.filter((o) => !o.sectors || !sector || o.sectors.includes(sector));
          return (
            <fieldset key={question.id} data-testid={`question-${question.id}`}>
              <legend>{text(question.text)}</legend>
              {options.map((option) => (
                <label key={option.id} className="choice">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={question.id}
                    value={option.id}
                    checked={(answers[question.id] ?? []).includes(option.id)}
                    required={!multiple}
                    onChange={(event) =>
                      choose(
                        question.id,
                        option.id,
                        multiple,
                        option.exclusive === true,
                        event.target.checked,
                      )
                    }
                  />
                  <span>{text(option.text)}</span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      <ErrorMessage error={submit.error} />
      <button type="submit" className="primary" disabled={submit.busy}>
        {t.submitAssessment}
      </button>
    </form>
  );
}
