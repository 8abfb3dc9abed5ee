import { listenForDatasets } from '../data/persist';
import { useAppStore } from './index';

/**
 * Other tabs of the page: when one stores an import or goes back to the bundled data, this tab
 * offers to follow (a notice with "Switch to it" / "Keep this") instead of swapping the data
 * under the user. Returns a function that stops listening.
 */
export function startDatasetSync(): () => void {
  return listenForDatasets((message) => {
    const s = useAppStore.getState();
    if (message.kind === 'bundled') s.offerDataset({ kind: 'bundled', from: 'other-tab' });
    else s.offerDataset({ kind: 'imported', label: message.label, from: 'other-tab' });
  });
}
