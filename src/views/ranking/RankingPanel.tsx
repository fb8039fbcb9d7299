/** The premises region: the ranking and, when a premises is focused (premises=), its profile. */
import {useState} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {useApp, usePage} from '../../state/AppContext';
import {PremisesProfile} from '../premises/PremisesProfile';
import {RankingTable} from './RankingTable';

/** Props of RankingPanel. */
export interface RankingPanelProps {
  dataset: Dataset;
  generation: number;
}

/** Ranking table plus the focused premises' profile. */
export function RankingPanel({dataset, generation}: RankingPanelProps) {
  const app = useApp();
  const {extras, publication} = usePage();
  const focused = extras.premises ?? null;
  const minCount = publication ? dataset.manifest.disclosure.min_count : null;
  const [openedByUser, setOpenedByUser] = useState<string | null>(null);
  const focus = (id: string | null) => {
    app.setExtra('premises', id ?? undefined);
    setOpenedByUser(id);
  };
  return (
    <div className="ranking-panel">
      <RankingTable
        dataset={dataset}
        generation={generation}
        focused={focused}
        onFocus={focus}
        minCount={minCount}
      />
      {focused && (
        <PremisesProfile
          key={focused}
          dataset={dataset}
          generation={generation}
          id={focused}
          onClose={() => focus(null)}
          onFocus={focus}
          autoFocus={openedByUser === focused}
          minCount={minCount}
        />
      )}
    </div>
  );
}
