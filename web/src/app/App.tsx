import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useMessages } from '../i18n/messages.js';
import { usePath } from './router.js';
import { Shell } from './Shell.js';
import { shellMessages } from './shell-messages.js';

/** Each surface is loaded when first opened, so a citizen's phone downloads the assistant only. */
const SURFACES: [prefix: string, page: LazyExoticComponent<ComponentType>][] = [
  ['/transparency', lazy(() => import('../transparency/TransparencyPage.js'))],
  ['/review', lazy(() => import('../review/ReviewConsole.js'))],
  ['/governance', lazy(() => import('../governance/GovernanceConsole.js'))],
  ['/developers', lazy(() => import('../developers/DeveloperPortal.js'))],
];
const Assistant = lazy(() => import('../citizen/Assistant.js'));

function NotFound() {
  const t = useMessages(shellMessages);
  return <p role="alert">{t.notFound}</p>;
}

function Loading() {
  const t = useMessages(shellMessages);
  return <p aria-live="polite">{t.loading}</p>;
}

export function App() {
  const path = usePath();
  const Page =
    path === '/' ? Assistant : (SURFACES.find(([prefix]) => path.startsWith(prefix))?.[1] ?? NotFound);
  return (
    <Shell path={path}>
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    </Shell>
  );
}
