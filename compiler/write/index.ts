export { writeOutput, type WriteOptions } from './atomic-writer.js';
export { OutputWriteError } from './output-error.js';
export { isNoop, summarizeWrite, type WriteReport } from './write-report.js';
export { listFiles } from './list-files.js';
