// The compaction's worker thread starts here: worker threads do not inherit tsx's loader from
// the process, so it is registered again before the TypeScript is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./compaction-worker.ts');
