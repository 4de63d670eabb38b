#!/usr/bin/env node
// The command lives in dist/ after the build; this shim exists at install time so the bin links.
import '../dist/cli.js';
