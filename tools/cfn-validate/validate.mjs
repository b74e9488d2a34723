#!/usr/bin/env node
// Validates CloudFormation templates offline with the RegoEngine of @aws/cloudformation-validate.
//
// Usage: node validate.mjs [--json] TEMPLATE...
// Prints one line per diagnostic, "file: severity ruleId message (location)", or with --json one JSON document
// {"reports": [{"file", "status", "diagnostics": [StandardDiagnostic...]}]}.
// Exit status: 0 when no diagnostic has severity ERROR or FATAL and every report has status OK or
// ANALYSIS_INCOMPLETE, 1 otherwise, 2 on a usage error, a missing template or a missing install.
//
// The package is loaded from the install that .ci/fetch-checkers makes in $ECSGEN_CHECKERS_DIR/cfn-validate
// (default: .ci/checkers/cfn-validate in this repository), or else from a node_modules folder beside this script.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@aws/cloudformation-validate';
const USAGE = 'usage: node validate.mjs [--json] TEMPLATE...\n'
    + '  --json  print the diagnostics as one JSON document instead of one line each';

function usageError(message) {
    process.stderr.write(`validate.mjs: ${message}\n${USAGE}\n`);
    process.exit(2);
}

function loadValidator() {
    const scriptDir = dirname(fileURLToPath(import.meta.url));
    const checkersDir = process.env.ECSGEN_CHECKERS_DIR || join(scriptDir, '..', '..', '.ci', 'checkers');
    const candidates = [join(resolve(checkersDir), 'cfn-validate', 'package.json'), join(scriptDir, 'package.json')];
    for (const base of candidates) {
        if (!existsSync(join(dirname(base), 'node_modules', ...PACKAGE.split('/')))) {
            continue;
        }
        return createRequire(base)(PACKAGE);
    }
    process.stderr.write(`validate.mjs: ${PACKAGE} is not installed in ${join(checkersDir, 'cfn-validate')}; `
        + 'run .ci/fetch-checkers\n');
    process.exit(2);
}

function location(diagnostic) {
    const parts = [];
    if (diagnostic.startLine !== undefined && diagnostic.startLine !== null) {
        parts.push(`line ${diagnostic.startLine}:${diagnostic.startColumn ?? 1}`);
    }
    if (diagnostic.entity) {
        parts.push(`${diagnostic.entity.entityType} ${diagnostic.entity.logicalId}`);
    }
    if (diagnostic.propertyPath) {
        parts.push(diagnostic.propertyPath);
    }
    return parts.length === 0 ? 'no location' : parts.join(', ');
}

function isFailure(report) {
    return report.status === 'ERROR'
        || report.diagnostics.some((d) => d.severity === 'ERROR' || d.severity === 'FATAL');
}

const args = process.argv.slice(2);
let json = false;
const templates = [];
for (const arg of args) {
    if (arg === '--json') {
        json = true;
    } else if (arg === '--help' || arg === '-h') {
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
    } else if (arg.startsWith('-')) {
        usageError(`unknown option ${arg}`);
    } else {
        templates.push(arg);
    }
}
if (templates.length === 0) {
    usageError('no template given');
}
for (const template of templates) {
    if (!existsSync(template)) {
        usageError(`template not found: ${template}`);
    }
}

const { RegoEngine, TemplateFile } = loadValidator();
const engine = new RegoEngine();
const reports = [];
try {
    for (const template of templates) {
        const report = engine.validateStandard(new TemplateFile(template));
        reports.push({ file: template, status: report.status, diagnostics: report.diagnostics });
    }
} finally {
    engine.free();
}

if (json) {
    process.stdout.write(`${JSON.stringify({ reports }, null, 2)}\n`);
} else {
    for (const report of reports) {
        if (report.status === 'ERROR') {
            process.stdout.write(`${report.file}: the validator failed to analyse the template (status ERROR)\n`);
        }
        for (const d of report.diagnostics) {
            process.stdout.write(`${report.file}: ${d.severity} ${d.ruleId} ${d.message} (${location(d)})\n`);
        }
    }
}
// Setting exitCode instead of calling process.exit() lets Node flush a large report to a pipe first,
// because process.exit() can cut the output short when stdout is a pipe.
process.exitCode = reports.some(isFailure) ? 1 : 0;
