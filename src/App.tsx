/** Composition only: wires the views to the app state. */
import {useApp, usePage} from './state/AppContext';
import {useDataset} from './state/useSelection';
import {Panel} from './ui/Panel';
import {AreaComparison} from './views/areas/AreaComparison';
import {Breakdowns} from './views/breakdowns/Breakdowns';
import {FilterBar} from './views/filters/FilterBar';
import {Header} from './views/header/Header';
import {Headline} from './views/headline/Headline';
import {CellSubset} from './views/map/CellSubset';
import {HotspotMap} from './views/map/HotspotMap';
import {HourGrid} from './views/grid/HourGrid';
import {TimeLapse} from './views/trend/TimeLapse';
import {Trend} from './views/trend/Trend';
import {LoadStatus} from './views/status/LoadStatus';
import {LoadingDashboard} from './views/status/LoadingDashboard';
import {PresenterBar} from './views/presenter/PresenterBar';
import {Footer} from './views/status/Footer';
import {RankingPanel} from './views/ranking/RankingPanel';

/** The dashboard page. */
export function App() {
  const app = useApp();
  const state = useDataset(app.datasets);
  const {dataset, generation, loading} = state;
  const {extras} = usePage();
  const present = extras.present === true;
  return (
    <div className={`app${present ? ' presenter' : ''}`}>
      <Header dataset={dataset} pendingTitle={loading?.preview.manifest?.title} />
      <LoadStatus state={state} />
      {!dataset && loading && <LoadingDashboard preview={loading.preview} />}
      {dataset && (
        <>
          {present ? (
            <PresenterBar dataset={dataset} />
          ) : (
            <FilterBar dataset={dataset} generation={generation} />
          )}
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
              <RankingPanel dataset={dataset} generation={generation} />
            </Panel>
            <Panel title="Area comparison" className="region-areas">
              <AreaComparison dataset={dataset} generation={generation} />
            </Panel>
            <Panel title="Breakdowns" className="region-breakdowns">
              <Breakdowns dataset={dataset} generation={generation} />
            </Panel>
            <CellSubset dataset={dataset} />
          </main>
        </>
      )}
      <Footer dataset={dataset} pendingManifest={loading?.preview.manifest ?? null} />
    </div>
  );
}
