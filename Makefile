# Thin wrappers over npm scripts: the npm scripts in package.json are the source of truth.
.PHONY: all build test test-containers test-fleet demo typecheck clean deb rpm packages rpm-macros npm bench

all: build

node_modules: package-lock.json
	npm ci
	@touch node_modules

build: node_modules
	npm run build

typecheck: node_modules
	npm run typecheck

test: node_modules
	npm test

test-containers: node_modules
	npm run test:containers

# the ansible target's rolling reload over three containers as hosts (docs/fleet.md)
test-fleet: node_modules
	npm run test:fleet

demo: build
	npm run demo

clean:
	rm -rf build dist .tap

# .deb and .rpm packages of the cinder example, into dist/: `reloadkit package examples/cinder/reloadkit.yaml` (builds the TypeScript first)
packages: node_modules
	npm run packages

deb: node_modules
	npm run deb

rpm: node_modules
	npm run rpm

# The npm packages @reloadkit/runtime and reloadkit as tarballs in dist/npm/ (builds the TypeScript first)
npm: node_modules
	npm run npm

# reloadkit-rpm-macros: macros.reloadkit (%reloadkit_post, …) for packagers writing their own spec, into dist/
rpm-macros: node_modules
	npm run rpm-macros

# Benchmarks (not part of test): builds, runs bench/*, prints the tables and writes docs/benchmarks.md
bench: node_modules
	npm run bench
