/** Entry point: start the app state from the URL and render. */
import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
import {App} from './App';
import {datasetOrigin, restrictConnections} from './csp';
import {AppState} from './state/app-state';
import {AppContext} from './state/AppContext';
import './styles.css';

const allowedOrigin = datasetOrigin(window.location.search, window.location.href);
if (import.meta.env.PROD) restrictConnections(document, allowedOrigin);
const app = new AppState(window, allowedOrigin);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppContext.Provider value={app}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
void app.start();
