// Planning for .deb: files installed where the generator puts them, relations from the maintainer scripts.
import { absoluteInstalledPath, type FormatPlanning } from '../format-planning.js';

/** Debian ships units under /lib and keeps LSB init scripts; Pre-Depends/Depends are what the scripts need. */
export const debPlanning: FormatPlanning = {
  installedPath: absoluteInstalledPath,
  relations: (generated) => ({ depends: generated.debDepends, preDepends: generated.debPreDepends }),
};
