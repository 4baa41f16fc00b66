// The sample alliance, for a clerk who wants to look around before entering real records.
import { z } from 'zod';
import { defineMethods, returns } from '../contract/method.js';
import type { AppOverview } from '../alliance/contract.js';
import type { SampleRemoved } from './remove-sample.js';

export const sampleMethods = defineMethods({
  'sample.load': {
    doc: 'Loads the sample alliance (长春市汽车产业集群产教联合体); into a file with a profile or records of its own only when confirmed, beside them, leaving the profile as it is.',
    input: z
      .strictObject({ confirmed: z.boolean().optional() })
      .optional()
      .transform((input) => ({ confirmed: input?.confirmed ?? false })),
    result: returns<AppOverview>(),
    access: 'write',
    changes: 'all',
  },
  'sample.remove': {
    doc: "Removes exactly the sample's records; sample records the clerk's own records use are kept and become hers.",
    input: z.strictObject({}).optional().transform(() => ({})),
    result: returns<SampleRemoved>(),
    access: 'write',
    changes: 'all',
  },
});
