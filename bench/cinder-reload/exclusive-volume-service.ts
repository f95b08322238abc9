// cinder-volume exactly as the example builds it, except that its volume driver is declared `exclusive`:
// a reload that changes a backend drains that backend's work first while new work for it waits at the
// gate (issue 2's behaviour), for comparison with overlap.
import { defineVolumeService } from '../../examples/cinder/cinder-volume/service.js';

/** The exclusive-mode variant of cinder-volume. */
export const exclusiveVolumeService = defineVolumeService('exclusive');
