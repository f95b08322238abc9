// Target `systemd`: one .service unit per service, installed under lib/systemd/system/.
import type { Manifest } from '../manifest/index.js';
import { renderTemplate } from '../render/handlebars.js';
import type { GeneratedFile, Target, TargetOptions } from '../target.js';
import { buildServiceUnitView } from './service-unit.js';

/** Generates systemd units: Type=notify-reload on systemd >= 253, Type=notify with a synchronous ExecReload= before. */
export const systemdTarget: Target = {
  name: 'systemd',
  description: 'systemd service units (notify-reload on systemd >= 253, synchronous reload client before)',
  kind: 'init',
  shell: 'none',
  installsUnder: ['lib/systemd/system/'],
  packaged: 'as-generated',
  generate(manifest: Manifest, options: TargetOptions): GeneratedFile[] {
    return manifest.services.map((service) => ({
      path: `lib/systemd/system/${service.name}.service`,
      mode: 0o644,
      content: renderTemplate(
        'systemd/service.hbs',
        buildServiceUnitView(service, manifest.package.homepage, options.systemdVersion),
      ),
    }));
  },
};
