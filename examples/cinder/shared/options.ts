// The options of every cinder example service. All three read the same /etc/cinder/cinder.conf; each
// declares them all, so that one service's options are not reported as unknown by another (the runtime
// warns about unknown names, and refuses them in strict mode); each service uses only its own.
import { opt, type OptionsDeclaration } from '../../../runtime/index.js';

/** Options per backend section listed in `enabled_backends`. */
export const backendOptions = {
  san_ip: opt.string({ required: true, mutable: true, help: 'address of the storage backend' }),
  san_port: opt.port({ required: true, mutable: true, help: 'TCP port of the storage backend' }),
  volume_backend_name: opt.string({ mutable: true, help: 'name the scheduler reports for this backend' }),
  capacity_gb: opt.int({ default: 1000, min: 1, mutable: true, help: 'capacity the scheduler assumes for this backend' }),
};

/** [DEFAULT], [scheduler] and [api] options plus the backend sections. */
export const cinderOptions: OptionsDeclaration = {
  DEFAULT: {
    enabled_backends: opt.list({ default: [], mutable: true, help: 'backend sections cinder-volume and cinder-scheduler run' }),
    volume_api_listen: opt.hostPort({ default: '127.0.0.1:8776', help: 'host:port of the cinder-volume HTTP API' }),
    scheduler_api_listen: opt.hostPort({ default: '127.0.0.1:8777', help: 'host:port of the cinder-scheduler HTTP API' }),
    osapi_volume_listen: opt.hostPort({ default: '127.0.0.1:8778', help: 'host:port of the cinder-api HTTP front' }),
  },
  sections: {
    scheduler: {
      capacity_weight_multiplier: opt.float({ default: 1, mutable: true, help: 'weight of free capacity when choosing a backend' }),
    },
    api: {
      volume_endpoint: opt.hostPort({ default: '127.0.0.1:8776', mutable: true, help: 'host:port of cinder-volume that cinder-api forwards to' }),
      request_timeout: opt.float({ default: 120, min: 0.001, mutable: true, help: 'seconds cinder-api waits for cinder-volume' }),
    },
  },
  sectionTemplates: [{ namesFrom: 'enabled_backends', options: backendOptions }],
};

/** Default configuration file of every cinder service (declared where entry points can import it cheaply). */
export { CINDER_CONF } from './cinder-conf.js';
