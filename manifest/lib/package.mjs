// Fills the manifest template, validates it offline and writes the Teams app package.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import appManifest from '@microsoft/app-manifest';
import { decodePng } from './png.mjs';
import { writeZip } from './zip.mjs';

const { AppManifestUtils } = appManifest;

export const MANIFEST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = path.resolve(MANIFEST_DIR, '..', 'artifacts', 'chatrequests-app.zip');

/** Every placeholder of the template, with its command-line option and environment variable. */
export const PARAMETERS = [
    { name: 'BOT_ID', option: 'bot-id', required: true, check: checkGuid, help: 'Microsoft App ID of the bot registration (GUID)' },
    { name: 'BOT_DOMAIN', option: 'domain', required: true, check: checkHost, help: 'host name of the bot, e.g. chatrequests.contoso.com' },
    { name: 'APP_VERSION', option: 'version', default: () => '1.0.0', check: checkVersion, help: 'app version, MAJOR.MINOR.PATCH; raise it for every upload' },
    { name: 'APP_ID', option: 'app-id', default: (p) => p.BOT_ID, check: checkGuid, help: 'Teams app id (GUID); defaults to the bot id' },
    { name: 'DEVELOPER_NAME', option: 'developer-name', default: () => 'ChatRequests', check: checkDeveloperName, help: 'publisher shown in Teams (at most 32 characters)' },
    { name: 'DEVELOPER_WEBSITE_URL', option: 'website-url', default: (p) => `https://${p.BOT_DOMAIN}/`, check: checkHttpsUrl, help: 'support page (https)' },
    { name: 'DEVELOPER_PRIVACY_URL', option: 'privacy-url', default: (p) => `https://${p.BOT_DOMAIN}/privacy`, check: checkHttpsUrl, help: 'privacy statement (https)' },
    { name: 'DEVELOPER_TERMS_URL', option: 'terms-url', default: (p) => `https://${p.BOT_DOMAIN}/terms`, check: checkHttpsUrl, help: 'terms of use (https)' },
];

const ICONS = { color: { width: 192, height: 192 }, outline: { width: 32, height: 32 } };
// The limits of schema 1.17 (later ones allow 128/4000): kept so the command menu stays short and readable.
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;

export class PackageError extends Error {
    constructor(problems) {
        super(problems.join('\n'));
        this.problems = problems;
    }
}

/**
 * Resolves the parameters from command-line values (keyed by option name) over environment variables,
 * then defaults. Throws a PackageError naming every missing or malformed parameter.
 */
export function resolveParameters(options, env = {}) {
    const values = {};
    const problems = [];
    for (const parameter of PARAMETERS) {
        const given = options[parameter.option] ?? env[parameter.name];
        if (given !== undefined && given !== '') {
            values[parameter.name] = String(given).trim();
            const problem = parameter.check(values[parameter.name]);
            if (problem) problems.push(`--${parameter.option} (${parameter.name}) ${JSON.stringify(values[parameter.name])}: ${problem}`);
        } else if (parameter.required) {
            problems.push(`missing --${parameter.option} (or ${parameter.name}): ${parameter.help}`);
        }
    }
    if (problems.length) throw new PackageError(problems);

    // Defaults are derived from the required values, so they are filled only once those are known to be good.
    values.BOT_DOMAIN = values.BOT_DOMAIN.toLowerCase();
    for (const parameter of PARAMETERS) {
        values[parameter.name] ??= parameter.default(values);
    }
    return values;
}

function checkGuid(value) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
        return 'not a GUID (expected like 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0)';
    }
    return /^[0-]+$/.test(value) ? 'the all-zero GUID is not a real app id' : null;
}

function checkHost(value) {
    if (/[/:@?#\s]/.test(value)) {
        return 'give the host name only, without scheme, port or path (e.g. chatrequests.contoso.com)';
    }
    const labels = value.split('.');
    const labelOk = (label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label);
    if (value.length > 253 || labels.length < 2 || !labels.every(labelOk) || !/^[a-z]{2,63}$/i.test(labels.at(-1))) {
        return 'not a public host name (dot-separated letters, digits and hyphens, ending in a top-level domain)';
    }
    return null;
}

function checkVersion(value) {
    return /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(value) ? null : 'not a MAJOR.MINOR.PATCH version (e.g. 1.0.0)';
}

function checkDeveloperName(value) {
    return value.length <= 32 ? null : 'longer than 32 characters';
}

function checkHttpsUrl(value) {
    try {
        return new URL(value).protocol === 'https:' ? null : 'not an https URL';
    } catch {
        return 'not a URL';
    }
}

/** Replaces every ${{NAME}} in the template text and parses the result. Unknown names are left for validation to report. */
export function fillTemplate(templateText, values) {
    const filled = templateText.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (placeholder, name) =>
        name in values ? JSON.stringify(String(values[name])).slice(1, -1) : placeholder);
    return JSON.parse(filled);
}

/** The Teams schema for the manifest's own version, read from the copy bundled in @microsoft/app-manifest (never downloaded). */
export async function loadBundledSchema(manifestVersion) {
    if (!/^(1\.\d+|devPreview)$/.test(String(manifestVersion))) {
        throw new PackageError([`manifestVersion ${JSON.stringify(manifestVersion)} is not a Teams manifest version`]);
    }
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
    const folder = schemaFolder(manifestVersion);
    const file = path.join(packageDir, 'build', 'json-schemas', 'teams', folder, 'MicrosoftTeams.schema.json');
    let text;
    try {
        text = await readFile(file, 'utf8');
    } catch {
        throw new PackageError([`the Teams schema ${folder} is not bundled in @microsoft/app-manifest; validation must stay offline`]);
    }
    // The published schemas contain \a and \v escapes, which JSON does not allow (the package does the same).
    return JSON.parse(text.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

export function schemaUrl(manifestVersion) {
    return `https://developer.microsoft.com/json-schemas/teams/${schemaFolder(manifestVersion)}/MicrosoftTeams.schema.json`;
}

function schemaFolder(manifestVersion) {
    return manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
}

/**
 * Every problem of a filled manifest and its files (a Map of file name to bytes): the bundled Teams schema,
 * then what the schema does not check (left-over placeholders, version format, command limits, icons).
 */
export async function validatePackage(manifest, files) {
    const problems = [];
    const leftovers = [...new Set(JSON.stringify(manifest).match(/\$\{\{[^}]*\}\}/g) ?? [])];
    if (leftovers.length) problems.push(`placeholders not filled: ${leftovers.join(', ')}`);

    if (manifest.$schema !== schemaUrl(manifest.manifestVersion)) {
        problems.push(`$schema should be ${schemaUrl(manifest.manifestVersion)} for manifestVersion ${manifest.manifestVersion}`);
    }
    const schema = await loadBundledSchema(manifest.manifestVersion);
    const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
    problems.push(...schemaErrors.map((error) => `schema: ${error.trim()}`));

    if (typeof manifest.version === 'string' && checkVersion(manifest.version)) {
        problems.push(`version ${JSON.stringify(manifest.version)}: ${checkVersion(manifest.version)}`);
    }
    problems.push(...checkCommands(manifest.bots ?? []));
    problems.push(...checkTabs(manifest));
    problems.push(...checkIcons(manifest.icons ?? {}, files));
    return problems;
}

function checkCommands(bots) {
    const problems = [];
    for (const [b, bot] of bots.entries()) {
        for (const [l, list] of (bot.commandLists ?? []).entries()) {
            const where = `bots[${b}].commandLists[${l}]`;
            const outside = (list.scopes ?? []).filter((scope) => !(bot.scopes ?? []).includes(scope));
            if (outside.length) problems.push(`${where}: scopes ${outside.join(', ')} are not scopes of the bot`);
            for (const command of list.commands ?? []) {
                if ((command.title ?? '').length > COMMAND_TITLE_MAX) problems.push(`${where}: command title "${command.title}" is longer than ${COMMAND_TITLE_MAX} characters`);
                if ((command.description ?? '').length > COMMAND_DESCRIPTION_MAX) problems.push(`${where}: description of "${command.title}" is longer than ${COMMAND_DESCRIPTION_MAX} characters`);
            }
        }
    }
    return problems;
}

/**
 * The dashboard tabs: every tab page is served from a host of validDomains over https, tab ids are unique, and the
 * SSO entry names the bot's own app id with the resource api://{domain}/{botId} that the bot's token check expects
 * (TabSsoOptions.Audience); without it Teams gives the tab no token.
 */
function checkTabs(manifest) {
    const problems = [];
    const domains = (manifest.validDomains ?? []).map((domain) => String(domain).toLowerCase());
    const tabs = [
        ...(manifest.staticTabs ?? []).map((tab, i) => ({ where: `staticTabs[${i}]`, id: tab.entityId, urls: { contentUrl: tab.contentUrl, websiteUrl: tab.websiteUrl } })),
        ...(manifest.configurableTabs ?? []).map((tab, i) => ({ where: `configurableTabs[${i}]`, id: tab.id, urls: { configurationUrl: tab.configurationUrl } })),
    ];
    const seen = new Set();
    for (const tab of tabs) {
        if (tab.id !== undefined && seen.has(tab.id)) problems.push(`${tab.where}: the id "${tab.id}" is used by another tab`);
        seen.add(tab.id);
        for (const [name, value] of Object.entries(tab.urls)) {
            if (value === undefined) continue;
            let url;
            try { url = new URL(value); } catch { continue; } // the schema reports a malformed URL
            if (url.protocol !== 'https:' || !domains.includes(url.hostname.toLowerCase())) {
                problems.push(`${tab.where}.${name}: ${value} is not an https page of a validDomains host`);
            }
        }
    }
    if (!tabs.length) return problems;

    const sso = manifest.webApplicationInfo;
    const botId = manifest.bots?.[0]?.botId;
    if (!sso) {
        problems.push('webApplicationInfo is missing: the tabs need it for Teams single sign-on');
    } else {
        if (sso.id !== botId) problems.push(`webApplicationInfo.id ${sso.id} is not the bot's app id ${botId} (the bot checks tab tokens for its own id)`);
        const expected = domains.map((domain) => `api://${domain}/${String(sso.id).toLowerCase()}`);
        if (!expected.includes(String(sso.resource).toLowerCase())) {
            problems.push(`webApplicationInfo.resource ${sso.resource} should be api://<a validDomains host>/${sso.id}`);
        }
    }
    return problems;
}

/** Icon files exist, are PNGs of the right size, and the outline is only white on transparent. */
export function checkIcons(icons, files) {
    const problems = [];
    for (const [kind, size] of Object.entries(ICONS)) {
        const name = icons[kind];
        if (!name) continue; // the schema reports a missing icon entry
        if (!files.has(name)) {
            problems.push(`icons.${kind}: ${name} is not in the package`);
            continue;
        }
        let image;
        try {
            image = decodePng(files.get(name));
        } catch (error) {
            problems.push(`icons.${kind}: ${name}: ${error.message}`);
            continue;
        }
        if (image.width !== size.width || image.height !== size.height) {
            problems.push(`icons.${kind}: ${name} is ${image.width}x${image.height}, must be ${size.width}x${size.height}`);
        }
        if (kind === 'outline') {
            const offending = countNonWhite(image.pixels);
            if (offending) problems.push(`icons.outline: ${name} has ${offending} pixels that are neither white nor fully transparent`);
        }
    }
    return problems;
}

function countNonWhite(rgba) {
    let count = 0;
    for (let i = 0; i < rgba.length; i += 4) {
        const transparent = rgba[i + 3] === 0;
        const white = rgba[i] === 255 && rgba[i + 1] === 255 && rgba[i + 2] === 255;
        if (!transparent && !white) count++;
    }
    return count;
}

/**
 * Builds the app package: fills manifest.json, validates it with its icons, writes the zip
 * (manifest.json, color.png, outline.png at the root). Throws a PackageError listing every problem.
 */
export async function buildPackage(values, outPath = DEFAULT_OUT, sourceDir = MANIFEST_DIR) {
    const template = await readFile(path.join(sourceDir, 'manifest.json'), 'utf8');
    const manifest = fillTemplate(template, values);
    const files = new Map();
    for (const name of new Set(Object.values(manifest.icons ?? {}))) {
        try {
            files.set(name, await readFile(path.join(sourceDir, String(name))));
        } catch {
            // checkIcons reports an icon that is not there
        }
    }
    const problems = await validatePackage(manifest, files);
    if (problems.length) throw new PackageError(problems);

    const entries = [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') }];
    for (const [name, data] of files) entries.push({ name, data });
    await mkdir(path.dirname(outPath), { recursive: true });
    await writeFile(outPath, writeZip(entries));
    return { manifest, outPath };
}
