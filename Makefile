# Thin wrappers over npm scripts: the npm scripts in package.json are the source of truth.
.PHONY: all build test test-containers test-fleet demo typecheck clean deb rpm packages bench

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

# .deb and .rpm packages of the cinder example, into dist/ (builds the TypeScript first)
packages: node_modules
	npm run packages

deb: node_modules
	npm run deb

rpm: node_modules
	npm run rpm

# Benchmarks (not part of test): builds, runs bench/*, prints the tables and writes docs/benchmarks.md
bench: node_modules
	npm run bench
