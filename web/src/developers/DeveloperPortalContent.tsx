import { useState } from 'react';
import { Tabs } from '../governance/Tabs.js';
import { useMessages } from '../i18n/messages.js';
import { ApiReference } from './ApiReference.js';
import { CodeSamples } from './CodeSamples.js';
import { developersMessages } from './developers-messages.js';
import { Playground } from './Playground.js';

const SECTIONS = ['reference', 'samples', 'playground'] as const;
type Section = (typeof SECTIONS)[number];

/** The portal without its stylesheet, so that component tests can render it. */
export function DeveloperPortalContent() {
  const t = useMessages(developersMessages);
  const [section, setSection] = useState<Section>('reference');
  return (
    <div className="developers stack">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <Tabs
        label={t.title}
        tabs={SECTIONS.map((id) => ({ id, label: t[`tab_${id}`] }))}
        selected={section}
        onSelect={(id) => setSection(id as Section)}
      >
        {/* All three stay mounted, so that the playground keeps its key and answer while the reference is read. */}
        <div hidden={section !== 'reference'}>
          <ApiReference />
        </div>
        <div hidden={section !== 'samples'}>
          <CodeSamples />
        </div>
        <div hidden={section !== 'playground'}>
          <Playground />
        </div>
      </Tabs>
    </div>
  );
}
