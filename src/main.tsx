/** Entry point: start the app state from the URL and render. */
import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
import {App} from './App';
import {AppState} from './state/app-state';
import {AppContext} from './state/AppContext';
import './styles.css';

const app = new AppState(window);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppContext.Provider value={app}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
void app.start();
