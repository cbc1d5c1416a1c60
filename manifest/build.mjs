#!/usr/bin/env node
// Builds the Teams app package: node manifest/build.mjs --bot-id <guid> --domain <host> [--version 1.0.0] [--out file.zip]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_OUT, PARAMETERS, PackageError, buildPackage, resolveParameters } from './lib/package.mjs';

const usage = [
    'Usage: node manifest/build.mjs --bot-id <guid> --domain <host> [--version 1.0.0] [--out artifacts/chatrequests-app.zip]',
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
