// The two methods every long job answers to, whatever the job (see jobs.ts).
import { z } from 'zod';
import { defineMethods, returns } from './method.js';

const jobInput = z.strictObject({ jobId: z.string().uuid() });

export const jobMethods = defineMethods({
  'jobs.progress': {
    doc: 'How far a running job is (done of total), or null when it has ended or never ran.',
    input: jobInput,
    result: returns<{ done: number; total: number } | null>(),
    access: 'control',
    recovery: true,
  },
  'jobs.cancel': {
    doc: 'Stops a running job at its next step; nothing of it is kept.',
    input: jobInput,
    result: returns<{ cancelled: boolean }>(),
    access: 'control',
    recovery: true,
  },
});
