export {
  asWriteError,
  commitOutput,
  discardStaging,
  planOutput,
  stageFile,
  writeOutput,
  type FileStatus,
  type OutputPlan,
  type WriteOptions,
} from './atomic-writer.js';
export { OutputWriteError } from './output-error.js';
export { isNoop, summarizeWrite, type WriteReport } from './write-report.js';
export { listFiles } from './list-files.js';
