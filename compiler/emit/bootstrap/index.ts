export { BOOTSTRAP_FILE, emitBootstrap, type BootstrapContext } from './emit-bootstrap.js';
export { OBJECTS_FILE, emitObjectsFile } from './objects-file.js';
