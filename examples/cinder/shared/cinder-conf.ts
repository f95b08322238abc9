// Where the cinder services read their configuration by default; imports nothing, so that an entry
// point can name it without loading the runtime (the `reload` and `status` client commands).

/** Default configuration file of every cinder service. */
export const CINDER_CONF = '/etc/cinder/cinder.conf';
