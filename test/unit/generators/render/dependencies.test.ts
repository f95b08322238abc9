// systemd dependencies mapped to LSB facilities and OpenRC services.
import t from 'tap';
import { toLsbDependencies, toOpenrcDependencies } from '../../../../generators/render/dependencies.js';

t.test('well-known targets and other packages\' services', async (t) => {
  t.same(toLsbDependencies(['network-online.target', 'network.target', 'postgresql.service', 'foo.socket']), ['$network', 'postgresql']);
  t.same(toOpenrcDependencies(['network-online.target', 'remote-fs.target', 'postgresql.service']), ['net', 'netmount', 'postgresql']);
});
