// Target `sysv`: one LSB init script per service, installed as etc/init.d/<service>.
import type { Manifest } from '../manifest/index.js';
import { renderTemplate } from '../render/handlebars.js';
import type { GeneratedFile, Target } from '../target.js';
import { buildInitScriptView } from './init-script.js';

/** Generates LSB init scripts whose reload runs the synchronous reload client. */
export const sysvTarget: Target = {
  name: 'sysv',
  description: 'LSB init scripts (start-stop-daemon; reload runs the synchronous reload client)',
  kind: 'init',
  shell: 'files',
  installsUnder: ['etc/init.d/'],
  packaged: 'as-generated',
  generate(manifest: Manifest): GeneratedFile[] {
    return manifest.services.map((service) => ({
      path: `etc/init.d/${service.name}`,
      mode: 0o755,
      content: renderTemplate('sysv/init-script.hbs', buildInitScriptView(service)),
    }));
  },
};
