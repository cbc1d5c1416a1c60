#!/usr/bin/env node
// Builds the Teams app package. Run it through build.sh, which installs the npm packages it needs first:
//   bash manifest/build.sh --bot-id <guid> --domain <host> [--version 1.0.0] [--out file.zip]
import path from 'node:path';
import { parseArgs } from 'node:util';

const { DEFAULT_OUT, PARAMETERS, PackageError, buildPackage, resolveParameters } = await importPackageLib();

const usage = [
    'Usage: bash manifest/build.sh --bot-id <guid> --domain <host> [--version 1.0.0] [--out artifacts/chatrequests-app.zip]',
    '',
    'Options (each also read from the environment variable in brackets; the option wins):',
    ...PARAMETERS.map((p) => `  --${p.option.padEnd(15)} [${p.name}] ${p.help}${p.required ? ' (required)' : ''}`),
    `  --${'out'.padEnd(15)} where to write the zip (default ${path.relative(process.cwd(), DEFAULT_OUT)})`,
].join('\n');

let args;
try {
    args = parseArgs({
        options: Object.fromEntries([
            ...PARAMETERS.map((p) => [p.option, { type: 'string' }]),
            ['out', { type: 'string' }],
            ['help', { type: 'boolean', short: 'h' }],
        ]),
    }).values;
} catch (error) {
    fail([error.message]);
}
if (args.help) {
    console.log(usage);
    process.exit(0);
}

try {
    const values = resolveParameters(args, process.env);
    const outPath = path.resolve(args.out ?? DEFAULT_OUT);
    const { manifest } = await buildPackage(values, outPath);
    console.log(`Wrote ${shown(outPath)}: ${manifest.name.short} ${manifest.version}, ` +
        `bot ${values.BOT_ID}, domain ${values.BOT_DOMAIN}, manifest schema ${manifest.manifestVersion} (validated offline)`);
} catch (error) {
    if (!(error instanceof PackageError)) throw error;
    fail(error.problems);
}

function shown(file) {
    const relative = path.relative(process.cwd(), file);
    return relative.startsWith('..') ? file : relative;
}

function fail(problems) {
    console.error(`Cannot build the Teams app package:\n${problems.map((p) => `  - ${p}`).join('\n')}\nRun with --help for the options.`);
    process.exit(2);
}

/** The build's library, which needs the npm packages: without them, says how to get them rather than a stack trace. */
async function importPackageLib() {
    try {
        return await import('./lib/package.mjs');
    } catch (error) {
        if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
        console.error(`The build's npm packages are not installed (${error.message.split('\n')[0]}).\n` +
            'Run the build as bash manifest/build.sh, which installs them, or install them first: npm ci --prefix manifest');
        process.exit(1);
    }
}
