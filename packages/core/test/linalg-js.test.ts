import { linalgConformance } from '../src/testing/linalg.js';

linalgConformance('js');
