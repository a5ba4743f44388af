// The 12306 overlay's UI (Preact panel, row notes and bells), built as its own script and loaded
// by 12306.content only once the page's results exist (components/overlay/lazy.ts).
import { provideOverlay } from '../components/overlay/lazy';
import { startRailOverlay } from './12306.content/ui';

export default defineUnlistedScript(() => {
  provideOverlay('12306', startRailOverlay);
});
