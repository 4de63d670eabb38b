/** The bad-input battery against the TypeScript backend (always available). */
import { badInputConformance } from '../src/testing/bad-input.js';

badInputConformance('js');
