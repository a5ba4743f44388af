import { PopupApp } from '../../components/popup/PopupApp';
import { popupApi } from './api';

export function App() {
  return <PopupApp api={popupApi} />;
}
