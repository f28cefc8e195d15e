import type { Database } from '@/db/client';

/** A scheduled job: a plain function of the database and the time, answering with counts. */
export type JobContext = { db: Database; now: Date };
export type JobCounts = Record<string, number>;
export type Job = (context: JobContext) => Promise<JobCounts>;
