import { DeveloperPortalContent } from './DeveloperPortalContent.js';
import './developers.css';

/** The developer portal (`/developers`): API reference, code samples and the playground, with its styles. */
export default function DeveloperPortal() {
  return <DeveloperPortalContent />;
}
