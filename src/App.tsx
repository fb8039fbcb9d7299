/** Composition only: wires the views to the app state. */
import {useApp} from './state/AppContext';
import {useDataset} from './state/useSelection';
import {Panel} from './ui/Panel';
import {Breakdowns} from './views/breakdowns/Breakdowns';
import {FilterBar} from './views/filters/FilterBar';
import {Header} from './views/header/Header';
import {Headline} from './views/headline/Headline';
import {HotspotMap} from './views/map/HotspotMap';
import {HourGrid} from './views/grid/HourGrid';
import {TimeLapse} from './views/trend/TimeLapse';
import {Trend} from './views/trend/Trend';
import {LoadStatus} from './views/status/LoadStatus';
import {Footer} from './views/status/Footer';

/** The dashboard page. */
export function App() {
  const app = useApp();
  const state = useDataset(app.datasets);
  const {dataset, generation} = state;
  return (
    <div className="app">
      <Header dataset={dataset} />
      <LoadStatus state={state} />
      {dataset && (
        <>
          <FilterBar dataset={dataset} generation={generation} />
          <main className="dashboard">
            <Panel title="Hotspot map" className="region-map">
              <HotspotMap dataset={dataset} generation={generation} />
            </Panel>
            <div className="side">
              <Panel title="Headline" className="region-headline">
                <Headline dataset={dataset} generation={generation} />
              </Panel>
              <Panel
                title="Trend over time"
                className="region-trend"
                actions={<TimeLapse dataset={dataset} />}
              >
                <Trend dataset={dataset} generation={generation} />
              </Panel>
              <Panel title="Hour by weekday" className="region-grid">
                <HourGrid dataset={dataset} generation={generation} />
              </Panel>
            </div>
            <Panel title="Premises" className="region-ranking">
              <p className="coming">The premises ranking table.</p>
            </Panel>
            <Panel title="Breakdowns" className="region-breakdowns">
              <Breakdowns dataset={dataset} generation={generation} />
            </Panel>
          </main>
        </>
      )}
      <Footer dataset={dataset} />
    </div>
  );
}
