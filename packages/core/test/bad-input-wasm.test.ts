/** The bad-input battery against the WebAssembly backend, when its module loads here. */
import { descriptor } from '@polyblas/backend-wasm';
import { badInputConformance } from '../src/testing/bad-input.js';

const loaded = await descriptor.load();

if (loaded.available) badInputConformance('wasm');
