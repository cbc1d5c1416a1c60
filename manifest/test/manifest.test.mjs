// The Teams app package: built with sample parameters, validated offline against the bundled schema,
// and the validator shown to reject broken manifests. Run: node --test manifest/test
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import appManifest from '@microsoft/app-manifest';
import {
    MANIFEST_DIR, PARAMETERS, PackageError, checkIcons, fillTemplate, loadBundledSchema, resolveParameters, validatePackage,
} from '../lib/package.mjs';
import { decodePng } from '../lib/png.mjs';
import { crc32, readZip } from '../lib/zip.mjs';

const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const DOMAIN = 'chatrequests.contoso.com';
const BUILD = path.join(MANIFEST_DIR, 'build.mjs');

let tempDir;
before(async () => { tempDir = await mkdtemp(path.join(os.tmpdir(), 'chatrequests-manifest-')); });
after(async () => { await rm(tempDir, { recursive: true, force: true }); });

/** Runs build.mjs as a user would, with only the given environment variables of ours set. */
function runBuild(args, env = {}) {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !PARAMETERS.some((p) => p.name === name)));
    return spawnSync(process.execPath, [BUILD, ...args], { env: { ...clean, ...env }, encoding: 'utf8' });
}

async function sampleManifest() {
    const template = await readFile(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8');
    return fillTemplate(template, resolveParameters({ 'bot-id': BOT_ID, domain: DOMAIN }));
}

async function sourceIcons() {
    return new Map([
        ['color.png', await readFile(path.join(MANIFEST_DIR, 'color.png'))],
        ['outline.png', await readFile(path.join(MANIFEST_DIR, 'outline.png'))],
    ]);
}

describe('build.mjs with sample parameters', () => {
    let zipPath;
    let files;
    let manifest;

    before(async () => {
        zipPath = path.join(tempDir, 'out', 'chatrequests-app.zip');
        const result = runBuild(['--bot-id', BOT_ID, '--domain', DOMAIN, '--version', '1.2.3', '--out', zipPath]);
        assert.equal(result.status, 0, `build failed:\n${result.stderr}`);
        files = readZip(await readFile(zipPath));
        manifest = JSON.parse(files.get('manifest.json').toString('utf8'));
    });

    test('writes manifest.json, color.png and outline.png at the zip root and nothing else', () => {
        assert.deepEqual([...files.keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);
    });

    test('the packaged manifest is valid against the bundled Teams schema of its version', async () => {
        const schema = await loadBundledSchema(manifest.manifestVersion);
        const errors = await appManifest.AppManifestUtils.validateAgainstSchema(manifest, schema);
        assert.deepEqual(errors, []);
        assert.equal(manifest.manifestVersion, '1.22');
        assert.equal(manifest.$schema, 'https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
    });

    test('the packaged manifest passes every check of the build, icons included', async () => {
        assert.deepEqual(await validatePackage(manifest, files), []);
    });

    test('fills the bot id, app id, domain and version, and leaves no placeholder', () => {
        assert.equal(manifest.bots[0].botId, BOT_ID);
        assert.equal(manifest.id, BOT_ID);
        assert.deepEqual(manifest.validDomains, [DOMAIN]);
        assert.equal(manifest.version, '1.2.3');
        assert.equal(manifest.developer.privacyUrl, `https://${DOMAIN}/privacy`);
        assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
    });

    test('the bot is conversational in personal, team and group chat, sends files (auditors\' exports), with its commands', () => {
        const bot = manifest.bots[0];
        assert.deepEqual(bot.scopes, ['personal', 'team', 'groupChat']);
        // The file consent flow (fileConsent/invoke) needs it; the bot offers files in personal chat only.
        assert.equal(bot.supportsFiles, true);
        const personal = bot.commandLists.find((list) => list.scopes.includes('personal'));
        const team = bot.commandLists.find((list) => list.scopes.includes('team'));
        assert.deepEqual(personal.commands.map((c) => c.title), ['new request', 'my requests', 'approvals', 'help']);
        assert.deepEqual(team.commands.map((c) => c.title), ['queue', 'new request', 'help']);
        for (const command of [...personal.commands, ...team.commands]) assert.ok(command.description, command.title);
    });

    test('has the dashboard as a personal tab and a configurable team tab, on the bot\'s domain, with SSO for the bot\'s id', () => {
        assert.deepEqual(manifest.staticTabs, [{
            entityId: 'dashboard', name: 'Dashboard', contentUrl: `https://${DOMAIN}/dashboard`, websiteUrl: `https://${DOMAIN}/dashboard`,
            scopes: ['personal'], context: ['personalTab'],
        }]);
        assert.deepEqual(manifest.configurableTabs, [{
            id: 'teamDashboard', configurationUrl: `https://${DOMAIN}/dashboard/config`, canUpdateConfiguration: true, scopes: ['team'], context: ['channelTab'],
        }]);
        assert.deepEqual(manifest.webApplicationInfo, { id: BOT_ID, resource: `api://${DOMAIN}/${BOT_ID}` });
    });

    test('the colour icon is a 192x192 PNG and the outline a 32x32 PNG of white on transparent', () => {
        const color = decodePng(files.get(manifest.icons.color));
        const outline = decodePng(files.get(manifest.icons.outline));
        assert.deepEqual([color.width, color.height], [192, 192]);
        assert.deepEqual([outline.width, outline.height], [32, 32]);
        let drawn = 0;
        for (let i = 0; i < outline.pixels.length; i += 4) {
            const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
            if (a > 0) {
                assert.deepEqual([r, g, b], [255, 255, 255], `outline pixel ${i / 4} is not white`);
                drawn++;
            }
        }
        assert.ok(drawn > 50 && drawn < 32 * 32 / 2, `outline draws ${drawn} pixels: expected a symbol, not a blank or a filled square`);
    });

    test('the colour icon uses the accent colour as its background', () => {
        const { pixels } = decodePng(files.get(manifest.icons.color));
        const corner = `#${[...pixels.subarray(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
        assert.equal(corner.toUpperCase(), manifest.accentColor.toUpperCase());
    });

    test('the zip is readable by an independent reader (python zipfile)', (t) => {
        const python = spawnSync('python3', ['--version']);
        if (python.error) {
            t.skip('python3 not installed');
            return;
        }
        const listing = execFileSync('python3', ['-c',
            'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(" ".join(sorted(z.namelist())))', zipPath],
        { encoding: 'utf8' });
        assert.equal(listing.trim(), 'color.png manifest.json outline.png');
    });

    test('the same parameters give the same package bytes', async () => {
        const again = path.join(tempDir, 'again.zip');
        const result = runBuild(['--bot-id', BOT_ID, '--domain', DOMAIN, '--version', '1.2.3', '--out', again]);
        assert.equal(result.status, 0, result.stderr);
        assert.ok((await readFile(again)).equals(await readFile(zipPath)));
    });
});

describe('build.mjs parameters', () => {
    test('reads BOT_ID and BOT_DOMAIN from the environment', async () => {
        const out = path.join(tempDir, 'from-env.zip');
        const result = runBuild(['--out', out], { BOT_ID, BOT_DOMAIN: DOMAIN, APP_VERSION: '2.0.0' });
        assert.equal(result.status, 0, result.stderr);
        const manifest = JSON.parse(readZip(await readFile(out)).get('manifest.json'));
        assert.equal(manifest.bots[0].botId, BOT_ID);
        assert.equal(manifest.version, '2.0.0');
    });

    const refusals = [
        { name: 'no bot id', args: ['--domain', DOMAIN], message: /missing --bot-id \(or BOT_ID\)/ },
        { name: 'no domain', args: ['--bot-id', BOT_ID], message: /missing --domain \(or BOT_DOMAIN\)/ },
        { name: 'a bot id that is not a GUID', args: ['--bot-id', 'my-bot', '--domain', DOMAIN], message: /--bot-id \(BOT_ID\) "my-bot": not a GUID/ },
        { name: 'a URL instead of a host name', args: ['--bot-id', BOT_ID, '--domain', `https://${DOMAIN}/api/messages`], message: /host name only/ },
        { name: 'a host name without a domain', args: ['--bot-id', BOT_ID, '--domain', 'localhost'], message: /not a public host name/ },
        { name: 'an IP address', args: ['--bot-id', BOT_ID, '--domain', '10.0.0.1'], message: /not a public host name/ },
        { name: 'a version that is not MAJOR.MINOR.PATCH', args: ['--bot-id', BOT_ID, '--domain', DOMAIN, '--version', '1.0'], message: /not a MAJOR\.MINOR\.PATCH version/ },
    ];
    for (const { name, args, message } of refusals) {
        test(`refuses ${name}, says why and writes nothing`, async () => {
            const out = path.join(tempDir, `refused-${name.replaceAll(' ', '-')}.zip`);
            const result = runBuild([...args, '--out', out]);
            assert.equal(result.status, 2);
            assert.match(result.stderr, /Cannot build the Teams app package/);
            assert.match(result.stderr, message);
            await assert.rejects(readFile(out), { code: 'ENOENT' });
        });
    }

    test('lists every problem at once', () => {
        assert.throws(() => resolveParameters({ domain: 'https://x' }, {}), (error) =>
            error instanceof PackageError && error.problems.length === 2);
    });
});

describe('the validator rejects a broken manifest', () => {
    const cases = [
        { name: 'a missing required field (developer)', breakIt: (m) => { delete m.developer; }, expected: /must have required property 'developer'/ },
        { name: 'a bot id that is not a GUID', breakIt: (m) => { m.bots[0].botId = 'not-a-guid'; }, expected: /\/bots\/0\/botId must match pattern/ },
        { name: 'a placeholder left unfilled', breakIt: (m) => { m.validDomains = ['${{BOT_DOMAIN}}']; }, expected: /placeholders not filled: \$\{\{BOT_DOMAIN\}\}/ },
        { name: 'an accent colour that is not #RRGGBB', breakIt: (m) => { m.accentColor = 'blue'; }, expected: /\/accentColor must match pattern/ },
        { name: 'a short name over 30 characters', breakIt: (m) => { m.name.short = 'ChatRequests for the IT service desk'; }, expected: /\/name\/short must NOT have more than 30 characters/ },
        { name: 'an unknown property', breakIt: (m) => { m.bots[0].supportFiles = false; }, expected: /\/bots\/0 must NOT have additional properties/ },
        { name: 'a command list for a scope the bot lacks', breakIt: (m) => { m.bots[0].scopes = ['personal']; }, expected: /scopes team, groupChat are not scopes of the bot/ },
        { name: 'a command description over 128 characters', breakIt: (m) => { m.bots[0].commandLists[0].commands[0].description = 'x'.repeat(129); }, expected: /longer than 128 characters/ },
        { name: 'a version that is not semver', breakIt: (m) => { m.version = 'v1'; }, expected: /version "v1": not a MAJOR\.MINOR\.PATCH version/ },
        { name: 'a $schema of another version', breakIt: (m) => { m.$schema = m.$schema.replace('v1.22', 'v1.17'); }, expected: /\$schema should be/ },
        { name: 'a static tab on another domain', breakIt: (m) => { m.staticTabs[0].contentUrl = 'https://elsewhere.example.com/dashboard'; }, expected: /staticTabs\[0\]\.contentUrl: https:\/\/elsewhere\.example\.com\/dashboard is not an https page of a validDomains host/ },
        { name: 'a tab page over http', breakIt: (m) => { m.configurableTabs[0].configurationUrl = `http://${DOMAIN}/dashboard/config`; }, expected: /configurableTabs\[0\]\.configurationUrl: http:\/\/.* is not an https page of a validDomains host/ },
        { name: 'a tab with the id of another', breakIt: (m) => { m.configurableTabs[0].id = 'dashboard'; }, expected: /configurableTabs\[0\]: the id "dashboard" is used by another tab/ },
        { name: 'tabs without webApplicationInfo', breakIt: (m) => { delete m.webApplicationInfo; }, expected: /webApplicationInfo is missing/ },
        { name: 'an SSO id that is not the bot\'s', breakIt: (m) => { m.webApplicationInfo.id = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'; }, expected: /webApplicationInfo\.id 0f1e2d3c-.* is not the bot's app id/ },
        { name: 'an SSO resource for another host', breakIt: (m) => { m.webApplicationInfo.resource = `api://elsewhere.example.com/${BOT_ID}`; }, expected: /webApplicationInfo\.resource api:\/\/elsewhere\.example\.com\/.* should be api:\/\/<a validDomains host>/ },
        { name: 'an SSO entry without its id', breakIt: (m) => { delete m.webApplicationInfo.id; }, expected: /\/webApplicationInfo must have required property 'id'/ },
        { name: 'a missing icon file', breakIt: (m) => { m.icons.color = 'colour.png'; }, expected: /icons\.color: colour\.png is not in the package/ },
    ];
    for (const { name, breakIt, expected } of cases) {
        test(`catches ${name}`, async () => {
            const manifest = await sampleManifest(); // valid: see 'the packaged manifest passes every check'
            breakIt(manifest);
            const problems = await validatePackage(manifest, await sourceIcons());
            assert.ok(problems.some((p) => expected.test(p)), `expected ${expected} in:\n${problems.join('\n')}`);
        });
    }

    test('refuses a manifest version whose schema is not bundled, rather than downloading it', async () => {
        const manifest = await sampleManifest();
        manifest.manifestVersion = '1.99';
        await assert.rejects(validatePackage(manifest, await sourceIcons()), /not bundled in @microsoft\/app-manifest/);
    });
});

describe('icon checks', () => {
    const icons = { color: 'color.png', outline: 'outline.png' };

    test('accept the committed icons', async () => {
        assert.deepEqual(checkIcons(icons, await sourceIcons()), []);
    });

    test('reject an outline icon with a coloured pixel', async () => {
        const files = await sourceIcons();
        files.set('outline.png', rgbaPng(32, 32, (x, y) => (x === 5 && y === 7 ? [43, 87, 201, 255] : [255, 255, 255, x < 16 ? 255 : 0])));
        assert.deepEqual(checkIcons(icons, files), ['icons.outline: outline.png has 1 pixels that are neither white nor fully transparent']);
    });

    test('reject icons of the wrong size', async () => {
        const files = await sourceIcons();
        files.set('color.png', rgbaPng(96, 96, () => [43, 87, 201, 255]));
        files.set('outline.png', rgbaPng(48, 48, () => [255, 255, 255, 0]));
        assert.deepEqual(checkIcons(icons, files), [
            'icons.color: color.png is 96x96, must be 192x192',
            'icons.outline: outline.png is 48x48, must be 32x32',
        ]);
    });

    test('reject a file that is not a PNG', async () => {
        const files = await sourceIcons();
        files.set('color.png', Buffer.from('GIF89a'));
        assert.deepEqual(checkIcons(icons, files), ['icons.color: color.png: not a PNG file']);
    });

    test('the PNG reader undoes every filter type', () => {
        // Rows filtered with Sub, Up, Average and Paeth must decode to the same pixels as unfiltered ones.
        const pixel = (x, y) => [x * 40, y * 50, (x + y) * 20, 255 - x];
        const png = rgbaPng(4, 4, pixel, [1, 2, 3, 4]);
        const { pixels } = decodePng(png);
        for (let y = 0; y < 4; y++) {
            for (let x = 0; x < 4; x++) assert.deepEqual([...pixels.subarray((y * 4 + x) * 4, (y * 4 + x) * 4 + 4)], pixel(x, y));
        }
    });
});

/** Encodes an RGBA PNG; row y uses filters[y] (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth). */
function rgbaPng(width, height, pixelAt, filters = []) {
    const stride = width * 4;
    const rows = Array.from({ length: height }, (_, y) => Buffer.from(Array.from({ length: width }, (_, x) => pixelAt(x, y)).flat()));
    const raw = Buffer.concat(rows.map((row, y) => {
        const filter = filters[y] ?? 0;
        const previous = rows[y - 1] ?? Buffer.alloc(stride);
        const out = Buffer.alloc(stride + 1);
        out[0] = filter;
        for (let i = 0; i < stride; i++) {
            const a = i >= 4 ? row[i - 4] : 0, b = previous[i], c = i >= 4 ? previous[i - 4] : 0;
            const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
            const predicted = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
            out[i + 1] = (row[i] - predicted) & 0xff;
        }
        return out;
    }));
    const chunk = (type, data) => {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(data.length);
        const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
        const crc = Buffer.alloc(4);
        crc.writeUInt32BE(crc32(body));
        return Buffer.concat([length, body, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 6, 0, 0, 0], 8);
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
    ]);
}
