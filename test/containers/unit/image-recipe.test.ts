import t from 'tap';
import { imageTag, importArgs, mmdebstrapArgs, recipeHash } from '../image-recipe.js';
import { matrix, type MatrixRow } from '../matrix.js';

const row = matrix.find((candidate) => candidate.id === 'bookworm-sysvinit') as MatrixRow;

t.test('the hash names the recipe: stable, and different when an image field changes', async (t) => {
  t.match(recipeHash(row), /^[0-9a-f]{12}$/);
  t.equal(recipeHash(row), recipeHash({ ...row }));
  t.not(recipeHash({ ...row, include: [...row.include, 'less'] }), recipeHash(row));
  t.not(recipeHash({ ...row, customize: [] }), recipeHash(row));
  t.equal(
    recipeHash({ ...row, reloadCommands: () => [] }),
    recipeHash(row),
    'reload commands are not part of the image',
  );
  t.equal(imageTag(row), `reloadkit-test:bookworm-sysvinit-${recipeHash(row)}`);
});

t.test('mmdebstrap writes a minbase tar of the suite to stdout from the given mirror', async (t) => {
  t.same(mmdebstrapArgs(row, 'http://mirror.example/debian'), [
    '--variant=minbase',
    '--format=tar',
    '--include=sysvinit-core,procps,nodejs',
    '--customize-hook=sed -i "/getty/d" "$1/etc/inittab"',
    'bookworm',
    '-',
    'deb http://mirror.example/debian bookworm main',
  ]);
});

t.test('import reads stdin, sets the init as CMD, labels and tags the image', async (t) => {
  t.same(importArgs(row), [
    'import',
    '--change', 'CMD ["/sbin/init"]',
    '--change', 'ENV container=docker',
    '--change', `LABEL org.reloadkit.test.row=bookworm-sysvinit org.reloadkit.test.recipe=${recipeHash(row)}`,
    '-',
    imageTag(row),
  ]);
});
