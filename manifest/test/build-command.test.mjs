// The README's one command, bash manifest/build.sh, as a newcomer meets it: in a fresh clone it installs the pinned
// npm packages once, quietly, and builds; without Node or npm, or with ones too old, it says what to do.
// Each test works on a copy of the manifest folder (and the tools/ script it uses) without node_modules.
// Needs only Node's built-ins: it must run before anything is installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { readZip } from '../lib/zip.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PARAMETERS = ['--bot-id', '3f2504e0-4f89-41d3-9a0c-0305e82c3301', '--domain', 'chatrequests.contoso.com'];
// The running bash, by path: some tests give the script a PATH without it.
const BASH = spawnSync('bash', ['-c', 'printf %s "$BASH"'], { encoding: 'utf8' }).stdout;
const INSTALL_TIMEOUT_MS = 180_000;

let tempDir;
before(() => { tempDir = mkdtempSync(path.join(os.tmpdir(), 'chatrequests-build-command-')); });
after(() => rmSync(tempDir, { recursive: true, force: true }));

/** A fresh clone's manifest/ and tools/prepare-npm.sh, in a folder of its own: no node_modules, no artifacts. */
function freshClone(name) {
    const clone = path.join(tempDir, name);
    cpSync(path.join(REPO, 'manifest'), path.join(clone, 'manifest'), {
        recursive: true,
        filter: (source) => path.basename(source) !== 'node_modules',
    });
    mkdirSync(path.join(clone, 'tools'));
    cpSync(path.join(REPO, 'tools', 'prepare-npm.sh'), path.join(clone, 'tools', 'prepare-npm.sh'));
    return clone;
}

/** Runs bash manifest/build.sh in the clone, as the README says, with the given PATH (default: this process's). */
function build(clone, args, { pathVariable = process.env.PATH } = {}) {
    return spawnSync(BASH, ['manifest/build.sh', ...args], {
        cwd: clone, env: { ...process.env, PATH: pathVariable }, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS,
    });
}

/** A folder to use as the whole PATH, holding the given programs: true links this Node, a string is a fake's output. */
function binFolder(name, programs) {
    const bin = path.join(tempDir, name);
    mkdirSync(bin);
    for (const [program, what] of Object.entries(programs)) {
        const file = path.join(bin, program);
        if (what === true) {
            symlinkSync(process.execPath, file);
        } else {
            writeFileSync(file, `#!/bin/sh\necho ${what}\n`);
            chmodSync(file, 0o755);
        }
    }
    return bin;
}

describe('bash manifest/build.sh in a fresh clone', () => {
    test('installs the pinned packages once, quietly, and builds the package', { timeout: 3 * INSTALL_TIMEOUT_MS }, () => {
        const clone = freshClone('fresh');
        const zip = path.join(clone, 'out.zip');

        const first = build(clone, [...PARAMETERS, '--out', zip]);

        assert.equal(first.status, 0, `first build failed:\n${first.stderr}`);
        assert.match(first.stdout, /^Wrote out\.zip: ChatRequests 1\.0\.0, .*\(validated offline\)\n$/);
        // One line of ours, none of npm's ("added 24 packages", warnings, funding notices).
        assert.equal(first.stderr, 'Installing the npm packages pinned in manifest/package-lock.json (once)...\n');
        assert.deepEqual([...readZip(readFileSync(zip)).keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);

        const second = build(clone, [...PARAMETERS, '--out', zip]);

        assert.equal(second.status, 0, second.stderr);
        assert.equal(second.stderr, '', 'nothing is installed the second time');

        // A pull that changes the pins (package-lock.json newer than what was installed) installs again.
        const later = new Date(Date.now() + 60_000);
        utimesSync(path.join(clone, 'manifest', 'package-lock.json'), later, later);

        const afterPull = build(clone, [...PARAMETERS, '--out', zip]);

        assert.equal(afterPull.status, 0, afterPull.stderr);
        assert.match(afterPull.stderr, /^Installing the npm packages/);
    });

    test('node build.mjs without the packages says how to get them, without a stack trace', () => {
        const clone = freshClone('direct');

        const result = spawnSync(process.execPath, ['manifest/build.mjs', ...PARAMETERS], { cwd: clone, encoding: 'utf8' });

        assert.equal(result.status, 1);
        assert.match(result.stderr, /The build's npm packages are not installed .*\nRun the build as bash manifest\/build\.sh/);
        assert.doesNotMatch(result.stderr, /^\s+at /m);
    });
});

describe('bash manifest/build.sh without what it needs', () => {
    const cases = [
        { name: 'no Node on the PATH', programs: {}, says: 'needs Node.js 20 or later, and there is no node on the PATH.' },
        { name: 'Node 18', programs: { node: 'v18.19.0' }, says: 'needs Node.js 20 or later; the node on the PATH is v18.19.0.' },
        { name: 'no npm to install with', programs: { node: true }, says: 'needs npm to install its packages, and there is no npm on the PATH.' },
        { name: 'npm 6', programs: { node: true, npm: '6.14.18' }, says: 'needs npm 7 or later to install its packages; the npm on the PATH is 6.14.18.' },
    ];
    for (const { name, programs, says } of cases) {
        test(`with ${name}: says so and how to install it, exit code 1, nothing written`, () => {
            const clone = freshClone(`without-${name.replace(/\W+/g, '-')}`);
            const bin = binFolder(`bin-${name.replace(/\W+/g, '-')}`, programs);

            const result = build(clone, PARAMETERS, { pathVariable: bin });

            assert.equal(result.status, 1, result.stderr);
            assert.equal(result.stderr,
                `Building the Teams app package ${says}\n` +
                'Install Node.js 20 or later with npm (https://nodejs.org, or e.g. apt-get install nodejs npm), then run this again.\n');
            assert.equal(result.stdout, '');
            assert.equal(existsSync(path.join(clone, 'manifest', 'node_modules')), false);
            assert.equal(existsSync(path.join(clone, 'artifacts')), false);
        });
    }
});
