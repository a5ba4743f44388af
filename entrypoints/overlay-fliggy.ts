// The Fliggy overlay's UI (Preact panel, rendered-list reader), built as its own script and
// loaded by fliggy.content only once the flight list exists (components/overlay/lazy.ts).
import { provideOverlay } from '../components/overlay/lazy';
import { startFliggyOverlay } from './fliggy.content/ui';

export default defineUnlistedScript(() => {
  provideOverlay('fliggy', startFliggyOverlay);
});
