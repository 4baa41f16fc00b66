// The sample alliance, for a clerk who wants to look around before entering real records.
import { z } from 'zod';
import { defineMethods, returns } from '../contract/method.js';
import type { AppOverview } from '../alliance/contract.js';

export const sampleMethods = defineMethods({
  'sample.load': {
    doc: 'Loads the sample alliance (长春市汽车产业集群产教联合体) into an empty database.',
    input: z.strictObject({}).optional().transform(() => ({})),
    result: returns<AppOverview>(),
    access: 'write',
    changes: 'all',
  },
});
